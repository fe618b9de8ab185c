import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { renderTemplate } from '../../src/init/render.js';
import { listTemplates, loadTemplate } from '../../src/init/templates.js';
import { packageRoot } from '../../src/package-root.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'ragcheck-init-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} };
  return { code: await main(['init', ...argv], io), stdout, stderr };
}

/** Every file under dir, relative, with `/` separators. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const ragApi = loadTemplate('rag-api');
const defaultFiles = renderTemplate(ragApi, {}).map((f) => f.path);

describe('ragcheck init', () => {
  it('lists every template with its description and options, values and defaults', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const t of listTemplates()) {
      expect(r.stdout).toContain(`  ${t.name}\n      ${t.description}`);
      for (const [name, o] of Object.entries(t.options)) expect(r.stdout).toContain(`--${name} ${o.values.join('|')}  (default ${o.default})`);
    }
    expect(r.stdout).toContain('--vectordb qdrant|chroma|pgvector|milvus  (default qdrant)');
  });

  it('renders into a new folder, then prints the files and the next commands', async () => {
    const r = await run(['rag-api', 'demo', '--vectordb', 'pgvector', '--ui=no']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = path.join(cwd, 'demo');
    const expected = renderTemplate(ragApi, { vectordb: 'pgvector', ui: 'no' });
    expect(tree(dir)).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(readFileSync(path.join(dir, f.path), 'utf8')).toBe(f.text);
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toContain('pgvector/pgvector:');
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).not.toContain('open-webui');
    expect(r.stdout).toContain('Wrote rag-api (--vectordb pgvector --ollama yes --ui no) into demo:');
    for (const f of expected) expect(r.stdout).toContain(`  ${f.path}\n`);
    expect(r.stdout).toMatch(/cd demo\n\s+cp \.env\.example \.env/);
    expect(r.stdout).toContain('ragcheck lint');
    expect(r.stdout).toContain('docker compose -f compose.yaml -f compose.prod.yaml up -d');
  });

  it('renders into the current folder by default', async () => {
    expect((await run(['rag-api'])).code).toBe(0);
    expect(tree(cwd)).toEqual([...defaultFiles].sort());
  });

  it('refuses to overwrite existing files, names them and writes nothing; --force overwrites', async () => {
    const dir = path.join(cwd, 'demo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'compose.yaml'), 'services: {}\n');
    writeFileSync(path.join(dir, '.env.example'), 'MINE=1\n');
    const r = await run(['rag-api', 'demo']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).toContain('--force');
    expect(r.stderr).toContain('  compose.yaml\n');
    expect(r.stderr).toContain('  .env.example\n');
    expect(r.stderr).not.toContain('compose.prod.yaml');
    expect(tree(dir)).toEqual(['.env.example', 'compose.yaml']);
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toBe('services: {}\n');

    const forced = await run(['rag-api', 'demo', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toContain('qdrant/qdrant:');
    expect(tree(dir)).toEqual([...defaultFiles].sort());
  });

  it('--dry-run prints the files with their sizes and writes nothing', async () => {
    const r = await run(['rag-api', 'demo', '--dry-run', '--vectordb', 'milvus']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Would write');
    for (const f of renderTemplate(ragApi, { vectordb: 'milvus' })) expect(r.stdout).toContain(`  ${f.path}  (${Buffer.byteLength(f.text)} bytes)`);
    expect(existsSync(path.join(cwd, 'demo'))).toBe(false);
  });

  it('exits 2 with the valid choices for an unknown template, option or value, or a bad flag', async () => {
    const template = await run(['rag-nope']);
    expect(template.code).toBe(2);
    expect(template.stderr).toBe(`ragcheck init: unknown template "rag-nope" (templates: ${listTemplates().map((t) => t.name).join(', ')})\n`);
    const option = await run(['rag-api', 'demo', '--colour', 'red']);
    expect(option).toEqual({ code: 2, stdout: '', stderr: 'ragcheck init: template rag-api has no option --colour (options: --vectordb, --ollama, --ui)\n' });
    const value = await run(['rag-api', 'demo', '--vectordb', 'mongo']);
    expect(value).toEqual({ code: 2, stdout: '', stderr: 'ragcheck init: --vectordb must be one of qdrant, chroma, pgvector, milvus, not "mongo"\n' });
    expect((await run(['rag-api', 'demo', '--ollama'])).code).toBe(2);
    expect((await run(['rag-api', 'demo', '-x'])).code).toBe(2);
    expect((await run(['rag-api', 'a', 'b'])).code).toBe(2);
    expect(existsSync(path.join(cwd, 'demo'))).toBe(false);
  });

  it('exits 2 when the target is a file', async () => {
    writeFileSync(path.join(cwd, 'demo'), '');
    const r = await run(['rag-api', 'demo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a folder');
  });
});

describe('the built CLI', () => {
  const bin = path.join(packageRoot, 'bin', 'ragcheck.js');

  it('`ragcheck init rag-api demo && ragcheck lint demo` prints no finding', () => {
    // `npm test` builds first: the bundle must find the templates from dist/bundle.
    expect(existsSync(path.join(packageRoot, 'dist', 'bundle', 'main.js')), 'run `npm run build` first').toBe(true);
    const init = spawnSync(process.execPath, [bin, 'init', 'rag-api', 'demo'], { cwd, encoding: 'utf8' });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(tree(path.join(cwd, 'demo'))).toEqual([...defaultFiles].sort());
    const out = execFileSync(process.execPath, [bin, 'lint', 'demo', '--no-color'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(out.trim()).toBe('');
    const inside = spawnSync(process.execPath, [bin, 'lint', '--format', 'json'], { cwd: path.join(cwd, 'demo'), encoding: 'utf8' });
    expect(inside.status).toBe(0);
    expect(JSON.parse(inside.stdout)).toMatchObject({ diagnostics: [] });
  });
});
