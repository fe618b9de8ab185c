/**
 * Multi-stage Dockerfiles for the build contexts a stack references, written the way the seed
 * plans write them, mistakes included (unpinned bases, no apt cleanup, wheels copied then
 * deleted, dev deps pruned before the build, root at runtime).
 */
import type { StackPlan } from './stack-plan.js';
import { sloppy } from './stack-plan.js';

const PYTHON_TAGS = ['3.12-slim', '3.11-slim', '3.12-slim-bookworm', '3.13-slim'];
const NODE_TAGS = ['20-alpine', '22-alpine', '20.18-bookworm-slim'];

function aptInstall(p: StackPlan, packages: string): string[] {
  const flags = sloppy(p) ? '-y' : '-y --no-install-recommends';
  const cleanup = sloppy(p) ? [] : ['    && rm -rf /var/lib/apt/lists/*'];
  return [`RUN apt-get update && apt-get install ${flags} \\`, `    ${packages}${cleanup.length ? ' \\' : ''}`, ...cleanup];
}

export function pythonApiDockerfile(p: StackPlan): string {
  const tag = sloppy(p) ? 'latest' : p.rng.pick(PYTHON_TAGS);
  const out = ['# syntax=docker/dockerfile:1', `ARG PYTHON_IMAGE=python:${tag}`, '', '# ---- build: compile wheels ----', 'FROM ${PYTHON_IMAGE} AS builder'];
  out.push('ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \\', '    PYTHONDONTWRITEBYTECODE=1');
  out.push(...aptInstall(p, 'build-essential libpq-dev'));
  out.push('WORKDIR /build');
  const uv = p.rng.chance(0.35);
  if (uv) {
    out.push('COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /usr/local/bin/uv', 'COPY pyproject.toml uv.lock ./', 'RUN uv export --frozen --no-dev -o requirements.txt \\', '    && pip wheel --wheel-dir /wheels -r requirements.txt');
  } else {
    out.push('COPY requirements.txt .');
    if (p.rng.chance(0.3)) out.push(sloppy(p) ? 'RUN pip install torch sentence-transformers' : 'RUN pip wheel --wheel-dir /wheels --index-url https://download.pytorch.org/whl/cpu torch==2.5.1');
    out.push(`RUN pip wheel ${sloppy(p) ? '' : '--no-cache-dir '}--wheel-dir /wheels -r requirements.txt`);
  }
  out.push('', '# ---- runtime ----', 'FROM ${PYTHON_IMAGE} AS runtime');
  out.push('ENV PYTHONUNBUFFERED=1 \\', '    PYTHONDONTWRITEBYTECODE=1 \\', '    PORT=8000');
  out.push(...aptInstall(p, sloppy(p) ? 'curl libpq5 build-essential' : 'curl libpq5'));
  const user = !sloppy(p);
  if (user) out.push('RUN groupadd --system app && useradd --system --gid app --create-home --uid 10001 app');
  out.push('WORKDIR /app');
  if (sloppy(p)) out.push('COPY --from=builder /wheels /wheels', 'RUN pip install /wheels/* && rm -rf /wheels');
  else out.push('RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \\', '    pip install --no-cache-dir --no-index --find-links=/wheels /wheels/*');
  out.push(user ? 'COPY --chown=app:app . .' : 'COPY . .');
  if (user) out.push('USER app');
  out.push('EXPOSE 8000');
  if (p.rng.chance(0.5)) out.push('HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \\', '    CMD curl -fsS http://localhost:8000/health || exit 1');
  out.push(sloppy(p) ? 'CMD uvicorn app.main:app --host 0.0.0.0 --port $PORT' : 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]');
  out.push('', '# ---- dev: reload + debugger ----', 'FROM runtime AS dev');
  if (user) out.push('USER root');
  out.push('RUN pip install debugpy watchfiles pytest');
  if (user) out.push('USER app');
  out.push('CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--reload"]');
  return out.join('\n') + '\n';
}

export function nodeApiDockerfile(p: StackPlan): string {
  const tag = sloppy(p) ? 'latest' : p.rng.pick(NODE_TAGS);
  const out = [`FROM node:${tag} AS deps`, 'WORKDIR /app', 'COPY package.json package-lock.json ./', sloppy(p) ? 'RUN npm install' : 'RUN npm ci'];
  out.push('', 'FROM deps AS build', 'COPY . .', 'RUN npm run build', '', 'FROM deps AS dev', 'COPY . .', 'CMD ["npm", "run", "dev"]');
  out.push('', `FROM node:${tag} AS runtime`, 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY package.json package-lock.json ./');
  out.push('RUN npm ci --omit=dev && npm cache clean --force', 'COPY --from=build /app/dist ./dist');
  if (!sloppy(p)) out.push('USER node');
  out.push('EXPOSE 8000', 'HEALTHCHECK CMD wget -qO- http://localhost:8000/health || exit 1', 'CMD ["node", "dist/server.js"]');
  return out.join('\n') + '\n';
}

export function frontendDockerfile(p: StackPlan): string {
  const tag = sloppy(p) ? 'latest' : p.rng.pick(NODE_TAGS);
  const out = ['# Stage 1: build the SPA', `FROM node:${tag} AS build`, 'WORKDIR /app', 'COPY package*.json ./'];
  // The seed's mistake: dev dependencies pruned, then a build that needs them.
  out.push(sloppy(p) ? 'RUN npm ci --only=production' : 'RUN npm ci', 'COPY . .', 'ARG VITE_API_URL=/api', 'ENV VITE_API_URL=$VITE_API_URL', 'RUN npm run build');
  out.push('', '# Stage 2: dev server', 'FROM build AS dev', 'EXPOSE 5173', 'CMD ["npm", "run", "dev", "--", "--host", "0.0.0.0"]');
  out.push('', '# Stage 3: static files behind nginx', `FROM nginx:${sloppy(p) ? 'alpine' : '1.27.3-alpine'} AS runtime`, 'COPY --from=build /app/dist /usr/share/nginx/html', 'COPY nginx.conf /etc/nginx/conf.d/default.conf', 'EXPOSE 80');
  out.push('HEALTHCHECK --interval=30s --timeout=3s CMD wget --quiet --tries=1 --spider http://localhost/ || exit 1', 'CMD ["nginx", "-g", "daemon off;"]');
  return out.join('\n') + '\n';
}

export function workerDockerfile(p: StackPlan): string {
  const tag = sloppy(p) ? 'latest' : p.rng.pick(PYTHON_TAGS);
  const out = [`FROM python:${tag}`, 'WORKDIR /app', ...aptInstall(p, 'poppler-utils tesseract-ocr libmagic1'), 'COPY requirements.txt .'];
  out.push(`RUN pip install ${sloppy(p) ? '' : '--no-cache-dir '}-r requirements.txt`);
  if (sloppy(p)) out.push('ADD https://github.com/tesseract-ocr/tessdata/raw/main/eng.traineddata /usr/share/tesseract-ocr/5/tessdata/');
  out.push('COPY . .');
  if (!sloppy(p)) out.push('RUN useradd --create-home --uid 10001 worker', 'USER worker');
  out.push('CMD ["python", "-m", "app.ingest"]');
  return out.join('\n') + '\n';
}

/** `Dockerfile.dev` beside the api's Dockerfile, sometimes on a different base (a parity slip). */
export function pythonDevDockerfile(p: StackPlan): string {
  const tag = p.rng.pick(PYTHON_TAGS);
  return [`FROM python:${tag}`, 'ENV PYTHONPATH=/app', 'WORKDIR /app', 'COPY requirements.txt requirements-dev.txt ./', 'RUN pip install -r requirements.txt -r requirements-dev.txt', 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload"]', ''].join('\n');
}

export function nginxConf(): string {
  return [
    'events { worker_connections 1024; }',
    'http {',
    '  upstream api { server api:8000; }',
    '  server {',
    '    listen 80;',
    '    location /healthz { return 200 "ok"; }',
    '    location /api/ { proxy_pass http://api/; proxy_set_header Host $host; }',
    '  }',
    '}',
    '',
  ].join('\n');
}

export const DOCKERIGNORE = ['.git', '__pycache__', '*.pyc', '.venv', 'node_modules', 'dist', '.env', ''].join('\n');
