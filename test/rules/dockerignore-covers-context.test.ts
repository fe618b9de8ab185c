import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['dockerignore-covers-context'];
const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n';

describe('dockerignore-covers-context', () => {
  it('reports a context without .dockerignore at the build value, listing what would be sent', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: web\n      dockerfile: Dockerfile\n',
        'api/Dockerfile': dockerfile,
        'api/requirements.txt': 'fastapi==0.115.6\n',
        'web/Dockerfile': 'FROM node:22-slim\nCOPY . .\n',
        'web/package.json': '{}\n',
        'web/.dockerignore': 'node_modules\n.env\n',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'dockerignore-covers-context', file: 'compose.yaml', line: 3, column: 12, endLine: 3, endColumn: 17 }]);
    expect(ds[0]!.message).toBe(
      'api builds from api, which has no .dockerignore: everything in it (.env, .venv) is sent to the builder and COPY . can put it in the image; add a .dockerignore',
    );
  });

  it('reports what an existing .dockerignore leaves in, at the context key value', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  kb:\n    build:\n      context: ./kb\n',
        'kb/Dockerfile': dockerfile,
        'kb/.dockerignore': '# cache\n__pycache__\n/.git\n!.env.example\n',
        'kb/.git/HEAD': 'ref: refs/heads/main\n',
        'kb/venv/pyvenv.cfg': 'home = /usr/bin\n',
        'kb/models/README.md': 'weights\n',
        'kb/qwen2.5-0.5b.gguf': 'GGUF',
        'kb/node_modules/x/index.js': '',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'dockerignore-covers-context', file: 'compose.yaml', line: 4, column: 16, endLine: 4, endColumn: 20 }]);
    expect(ds[0]!.message).toBe(
      "kb's kb/.dockerignore does not exclude .env, node_modules, venv, models, qwen2.5-0.5b.gguf; add them so they stay out of the build context and the image",
    );
  });

  it('accepts allow-list ignores, folder contents patterns and a Dockerfile-specific ignore file', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  a:\n    build: ./a\n  b:\n    build:\n      context: ./b\n      dockerfile: Dockerfile.prod\n',
        'a/Dockerfile': dockerfile,
        'a/.dockerignore': '*\n!src\n!requirements.txt\n',
        'a/requirements.txt': '',
        'b/Dockerfile.prod': dockerfile,
        'b/Dockerfile.prod.dockerignore': '.env*\n.venv/*\nnode_modules/**\n',
        'b/package.json': '{}\n',
        'b/pyproject.toml': '',
      },
      { rules },
    );
    expect(ds).toEqual([]);
  });

  it('skips remote contexts', async () => {
    expect(await lintFiles({ 'compose.yaml': 'services:\n  a:\n    build: https://github.com/acme/api.git#v1.0.0\n' }, { rules })).toEqual([]);
  });
});
