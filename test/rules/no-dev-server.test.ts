import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-dev-server.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });
/** One service running `command`, for the pattern table. */
const running = (command: string) => lint(`services:\n  s:\n    image: acme/s:1\n    command: ${JSON.stringify(command)}\n`);

describe('no-dev-server', () => {
  it('reports a reloading server inside a sh -c string and a dev script in list form (two findings)', async () => {
    const compose = [
      'services:',
      '  api:',
      '    image: acme/api:1',
      '    command: sh -c "alembic upgrade head && exec uvicorn main:app --host 0.0.0.0 --reload"',
      '  web:',
      '    image: acme/web:1',
      '    command: ["npm", "run", "dev", "--", "--host"]',
      '',
    ].join('\n');
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 50, endLine: 4, endColumn: 90 },
      { line: 7, column: 15, endLine: 7, endColumn: 50 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'api runs "uvicorn main:app --host 0.0.0.0 --reload", a server that reloads on file changes, which is built for editing code, not for traffic; drop --reload and set workers',
      'web runs "npm run dev -- --host", the dev script, which is built for editing code, not for traffic; build the app into the image and serve the build',
    ]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it.each([
    'gunicorn --reload -w 2 app:app',
    'python -m uvicorn app:app --reload',
    'uv run --frozen uvicorn app:app --reload',
    'poetry run hypercorn app:app --reload',
    'flask run --host 0.0.0.0',
    'flask --app rag.web --debug run',
    'python3 -m flask run',
    'fastapi dev app/main.py',
    'python manage.py runserver 0.0.0.0:8000',
    './manage.py runserver',
    'streamlit run app.py --server.runOnSave=true',
    'yarn dev',
    'pnpm run dev:web',
    'bun dev',
    'npm --prefix web run dev',
    'npx next dev -p 3000',
    'pnpm exec vite --host',
    'vite',
    'ng serve --host 0.0.0.0',
    'node_modules/.bin/webpack serve',
    'react-scripts start',
    'nodemon server.js',
  ])('reports %s', async (command) => {
    expect(await running(command)).toHaveLength(1);
  });

  it.each([
    'uvicorn app:app --workers 4',
    'gunicorn -k uvicorn.workers.UvicornWorker app:app',
    'flask db upgrade',
    'fastapi run app/main.py',
    'python manage.py migrate',
    'streamlit run app.py --server.runOnSave false',
    'npm run start',
    'yarn build',
    'next start',
    'vite build',
    'npx vite preview --port 4173',
    'node server.js',
    'echo npm run dev',
  ])('leaves %s alone', async (command) => {
    expect(await running(command)).toEqual([]);
  });

  it('reports Flask debug settings in the environment at the entry', async () => {
    const compose = 'services:\n  admin:\n    image: acme/admin:1\n    environment:\n      - FLASK_DEBUG=true\n      - FLASK_ENV=development\n  ok:\n    image: acme/ok:1\n    environment:\n      FLASK_DEBUG: "0"\n      FLASK_ENV: production\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 5, column: 9, endLine: 5, endColumn: 25 },
      { line: 6, column: 9, endLine: 6, endColumn: 30 },
    ]);
    expect(ds[0]!.message).toBe("admin sets FLASK_DEBUG=true, which turns on Flask's debug mode, whose debugger runs code sent from the browser; remove it");
  });

  it('reads a command under a bare sh -c entrypoint as its body', async () => {
    const ds = await lint('services:\n  w:\n    image: acme/w:1\n    entrypoint: ["/bin/sh", "-c"]\n    command: ["cd /app && yarn dev"]\n');
    expect(ds.map(pos)).toEqual([{ line: 5, column: 27, endLine: 5, endColumn: 35 }]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: acme/a:1\n    command: uvicorn app:app --reload\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
    expect(await lintFiles(files, { rules: [id], environment: 'prod' })).toHaveLength(1);
  });
});
