/**
 * The Compose files of one stack: the base `compose.yaml`, the dev overlay that binds code and
 * reloads, the prod overlay that pins images and sets limits, and the `.env` they read.
 */
import type { StackPlan } from './stack-plan.js';
import { has, sloppy, variable } from './stack-plan.js';
import { envBlock, limitsBlock, listBlock, serviceBlock } from './yaml-text.js';
import { serviceBody, serviceComment, serviceName } from './compose-services.js';

export function baseCompose(p: StackPlan): string {
  const out: string[] = [];
  if (p.rng.chance(0.5)) out.push(`# ${p.name}: self-hosted retrieval-augmented generation stack`, '# Usage: docker compose up -d', '');
  if (p.versionField) out.push(`version: ${p.rng.pick(["'3.8'", '"3.9"', "'3'"])}`, '');
  if (p.loggingAnchor) out.push('x-logging: &default-logging', '  driver: json-file', '  options:', '    max-size: "10m"', '    max-file: "3"', '');
  if (p.mergeKeys) out.push('x-api-common: &api-common', '  init: true', '  stop_grace_period: 30s', '  extra_hosts:', '    - "host.docker.internal:host-gateway"', '');
  out.push('services:');
  p.services.forEach((kind, i) => {
    if (i > 0) out.push('');
    out.push(...serviceBlock(serviceName(p, kind), serviceBody(p, kind), serviceComment(p, kind)));
  });
  if (p.strayVolume) p.volumes.add('legacy-index');
  if (p.volumes.size > 0) {
    out.push('', 'volumes:');
    for (const v of p.volumes) out.push(...(p.rng.chance(0.3) ? [`  ${v}:`, '    driver: local'] : [`  ${v}:`]));
  }
  if (p.networks === 'single') out.push('', 'networks:', '  rag:', '    driver: bridge');
  if (p.networks === 'split') out.push('', 'networks:', '  edge:', '  backend:', '    internal: true');
  return out.join('\n') + '\n';
}

/** The developer overlay: code binds, reload, debug ports, and the api's `dev` stage. */
export function devOverlay(p: StackPlan): string {
  const out = ['# Development overrides: docker compose -f compose.yaml -f compose.dev.yaml up', 'services:'];
  const api = ['build:', '  context: ./api', '  target: dev'];
  api.push(p.apiLang === 'python' ? 'command: uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload' : 'command: ["npm", "run", "dev"]');
  api.push(...listBlock('volumes', p.apiLang === 'python' ? ['./api:/app', '/app/.venv'] : ['./api:/app', '/app/node_modules']));
  api.push(...envBlock('environment', [['LOG_LEVEL', 'debug'], ['RELOAD', 'true']], p.rng.chance(0.5) ? 'list' : 'map'));
  if (p.apiLang === 'python' && p.rng.chance(0.5)) api.push(...listBlock('ports', ['5678:5678'], new Map([[0, 'debugpy']])));
  out.push(...serviceBlock('api', api));
  if (has(p, 'worker') && p.rng.chance(0.6)) {
    out.push('', ...serviceBlock('worker', listBlock('volumes', [p.workerOwnContext ? './worker:/app' : './api:/app'])));
  }
  if (has(p, 'frontend')) {
    const fe = ['build:', '  context: ./frontend', '  target: dev', 'command: npm run dev -- --host 0.0.0.0', ...listBlock('volumes', ['./frontend:/app', '/app/node_modules']), ...listBlock('ports', ['5173:5173'])];
    out.push('', ...serviceBlock('frontend', fe));
  }
  if (has(p, 'postgres') && p.rng.chance(0.6)) out.push('', ...serviceBlock('postgres', listBlock('ports', ['5432:5432'])));
  if (has(p, 'redis') && p.rng.chance(0.3)) out.push('', ...serviceBlock('redis', listBlock('ports', ['6379:6379'])));
  if (has(p, 'nginx') && p.rng.chance(0.5)) out.push('', ...serviceBlock('nginx', listBlock('ports', ['8080:80'], new Map([[0, 'avoid clashing with a local web server']]))));
  return out.join('\n') + '\n';
}

/** The production overlay: pinned registry images, limits, log rotation, TLS. */
export function prodOverlay(p: StackPlan): string {
  const out = ['# Production: docker compose -f compose.yaml -f compose.prod.yaml up -d', 'services:'];
  const tag = variable(p, 'API_TAG', `1.${p.rng.int(0, 9)}.${p.rng.int(0, 30)}`, false).replace('}', ':?set API_TAG to a release}');
  const api = [`image: ghcr.io/acme/${p.name}-api:${tag}`, 'restart: always'];
  api.push(...limitsBlock(p.rng.pick(['2', '4']), p.rng.pick(['2G', '4G', '8G']), '1G'));
  if (!p.loggingAnchor) api.push('logging:', '  driver: json-file', '  options:', '    max-size: "20m"', '    max-file: "5"');
  api.push(...envBlock('environment', [['LOG_LEVEL', 'warning'], ['FORWARDED_ALLOW_IPS', '*']], 'map'));
  out.push(...serviceBlock('api', api));
  if (has(p, 'worker')) out.push('', ...serviceBlock('worker', [`image: ghcr.io/acme/${p.name}-worker:${tag}`, 'restart: always', ...limitsBlock('1', '2G')]));
  if (has(p, 'postgres')) out.push('', ...serviceBlock('postgres', ['restart: always', ...limitsBlock('2', '2G', '512M')]));
  if (has(p, 'ollama')) out.push('', ...serviceBlock('ollama', ['restart: always', ...limitsBlock('8', p.rng.pick(['16G', '24G']))]));
  if (has(p, 'nginx')) {
    const hostCerts = sloppy(p);
    const vols = ['./nginx/tls.conf:/etc/nginx/conf.d/tls.conf:ro', hostCerts ? '/etc/letsencrypt:/etc/letsencrypt:ro' : 'certs:/etc/nginx/certs:ro'];
    if (!hostCerts) p.volumes.add('certs');
    out.push('', ...serviceBlock('nginx', ['restart: always', ...listBlock('volumes', vols)]));
  }
  if (p.volumes.has('certs')) out.push('', 'volumes:', '  certs:', '    external: true');
  return out.join('\n') + '\n';
}

export function dotEnv(p: StackPlan): string {
  const lines = ['# Local settings; copy to .env and adjust. Never commit real secrets.'];
  for (const [k, v] of p.env) lines.push(`${k}=${v}`);
  return lines.join('\n') + '\n';
}
