import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load-config.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ragcheck-config-')));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await fs.writeFile(path.join(dir, rel), text);
  }
  return dir;
}

/** The ConfigError message for a config text, shown as `.ragcheck.yaml`. */
function errorOf(text: string): string {
  try {
    parseConfig(text, '/p/.ragcheck.yaml', '.ragcheck.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const DESIGN_EXAMPLE = `extends: recommended            # or strict
stacks:
  prod: { files: [compose.yaml, compose.prod.yaml], environment: prod, envFile: .env.example }
rules:
  pinned-image-tag: [error, { require: digest }]
  no-source-bind-mount: { allow: ["./config/*.conf:ro"] }
budgets:
  "services.api": { image: 2GB, layer: 800MB }
ignore: ["vendor/**"]
`;

describe('parseConfig', () => {
  it('reads the example from the design', () => {
    const { config, dir, path: p } = parseConfig(DESIGN_EXAMPLE, '/p/.ragcheck.yaml');
    expect(dir).toBe('/p');
    expect(p).toBe('/p/.ragcheck.yaml');
    expect(config).toEqual({
      extends: 'recommended',
      stacks: { prod: { files: ['compose.yaml', 'compose.prod.yaml'], environment: 'prod', envFile: '.env.example' } },
      rules: { 'pinned-image-tag': ['error', { require: 'digest' }], 'no-source-bind-mount': { allow: ['./config/*.conf:ro'] } },
      budgets: { 'services.api': { image: '2GB', layer: '800MB' } },
      ignore: ['vendor/**'],
      include: [],
    });
  });

  it('fills defaults for an empty file and for empty sections', () => {
    expect(parseConfig('', '/p/.ragcheck.yaml').config).toEqual({ extends: 'recommended', stacks: {}, rules: {}, ignore: [], include: [] });
    expect(parseConfig('# nothing yet\nrules:\n  # pinned-image-tag: off\n', '/p/.ragcheck.yaml').config.rules).toEqual({});
  });

  it('points at an unknown top-level key and suggests the right one', () => {
    expect(errorOf('extends: strict\nstacs:\n  prod: {files: [a.yaml]}\n')).toBe('.ragcheck.yaml:2:1: Unknown key "stacs" in the config; did you mean "stacks"?');
  });

  it('points at an unknown key inside a stack', () => {
    expect(errorOf('stacks:\n  prod:\n    files: [a.yaml]\n    env_file: .env\n')).toBe('.ragcheck.yaml:4:5: Unknown key "env_file" in stacks.prod; did you mean "envFile"?');
  });

  it('points at a value of the wrong type', () => {
    expect(errorOf('ignore: vendor/**\n')).toBe('.ragcheck.yaml:1:9: ignore must be a list');
    expect(errorOf('stacks:\n  prod:\n    files: [a.yaml, 3]\n')).toBe('.ragcheck.yaml:3:21: stacks.prod.files[1] must be a string');
    expect(errorOf('include:\n  - ok/*.yaml\n  - {a: 1}\n')).toBe('.ragcheck.yaml:3:5: include[1] must be a string');
  });

  it('points at a bad enum value and suggests the right one', () => {
    expect(errorOf('extends: strikt\n')).toBe('.ragcheck.yaml:1:10: extends must be one of recommended, strict; did you mean "strict"?');
    expect(errorOf('rules:\n  pinned-image-tag: warn\n')).toBe('.ragcheck.yaml:2:21: rules.pinned-image-tag must be one of off, info, warning, error; did you mean "warning"?');
    expect(errorOf('rules:\n  pinned-image-tag: [eror, {}]\n')).toBe('.ragcheck.yaml:2:22: rules.pinned-image-tag[0] must be one of off, info, warning, error; did you mean "error"?');
  });

  it('names every form a rule setting can take', () => {
    expect(errorOf('rules:\n  pinned-image-tag: 2\n')).toBe(
      '.ragcheck.yaml:2:21: rules.pinned-image-tag must be a severity (off, info, warning, error), [severity], [severity, options] or an options mapping',
    );
    expect(errorOf('rules:\n  pinned-image-tag: [error, {}, x]\n')).toMatch(/^\.ragcheck\.yaml:2:21: rules\.pinned-image-tag must be a severity/);
    expect(errorOf('rules:\n  pinned-image-tag: [error, digest]\n')).toBe('.ragcheck.yaml:2:29: rules.pinned-image-tag[1] must be a mapping');
  });

  it('points at a stack that lacks files', () => {
    expect(errorOf('stacks:\n  prod:\n    environment: prod\n')).toBe('.ragcheck.yaml:2:3: stacks.prod is missing "files"');
    expect(errorOf('stacks:\n  prod: {files: []}\n')).toBe('.ragcheck.yaml:2:17: stacks.prod.files must have at least 1 item');
  });

  it('explains patterns in words', () => {
    expect(errorOf('budgets:\n  "services.api": { image: 2 gigs }\n')).toBe('.ragcheck.yaml:2:28: budgets["services.api"].image must be a size such as 800MB, 2GB or a number of bytes');
    expect(errorOf('stacks:\n  prod: {files: [a.yaml], environment: Prod}\n')).toBe('.ragcheck.yaml:2:40: stacks.prod.environment must be a lowercase name such as prod, dev or staging');
  });

  it('points at a bad key name and at an empty budget', () => {
    expect(errorOf('environments:\n  qa: test\n  UAT: staging\n')).toBe('.ragcheck.yaml:3:3: Key "UAT" in environments must be a lowercase name such as prod, dev or staging');
    expect(errorOf('budgets:\n  x: {}\n')).toBe('.ragcheck.yaml:2:6: budgets.x must not be empty');
  });

  it('reports YAML syntax errors and duplicate keys at their position', () => {
    expect(errorOf('rules:\n  a: [error\n')).toMatch(/^\.ragcheck\.yaml:3:1: /);
    expect(errorOf('ignore: []\nignore: [x]\n')).toBe('.ragcheck.yaml:2:1: Map keys must be unique');
    expect(errorOf('- a\n- b\n')).toBe('.ragcheck.yaml:1:1: The config must be a mapping of settings');
  });

  it('survives an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    expect(errorOf(bomb.join('\n') + '\n')).toMatch(/^\.ragcheck\.yaml:1:1: Config cannot be read/);
  });
});

describe('loadConfig', () => {
  it('finds .ragcheck.yaml in the working directory', async () => {
    const dir = await tempDir({ '.ragcheck.yaml': 'extends: strict\n' });
    const loaded = await loadConfig(dir);
    expect(loaded.path).toBe(path.join(dir, '.ragcheck.yaml'));
    expect(loaded.dir).toBe(dir);
    expect(loaded.config.extends).toBe('strict');
  });

  it('walks up to the repository root, and no further', async () => {
    const dir = await tempDir({ 'repo/.ragcheck.yml': 'ignore: [x]\n', 'repo/deploy/compose/.keep': '', '.ragcheck.yaml': 'extends: strict\n' });
    await fs.mkdir(path.join(dir, 'repo/.git'));
    const loaded = await loadConfig(path.join(dir, 'repo/deploy/compose'));
    expect(loaded.path).toBe(path.join(dir, 'repo/.ragcheck.yml'));
    expect(loaded.dir).toBe(path.join(dir, 'repo'));

    await fs.rm(path.join(dir, 'repo/.ragcheck.yml'));
    const none = await loadConfig(path.join(dir, 'repo/deploy'));
    expect(none.path).toBeUndefined();
    expect(none.dir).toBe(path.join(dir, 'repo/deploy'));
    expect(none.config.extends).toBe('recommended');
  });

  it('loads an explicit path and rejects a missing one', async () => {
    const dir = await tempDir({ 'ci/lint.yaml': 'extends: strict\n' });
    const loaded = await loadConfig(dir, 'ci/lint.yaml');
    expect(loaded.dir).toBe(path.join(dir, 'ci'));
    await expect(loadConfig(dir, 'ci/missing.yaml')).rejects.toThrow(new ConfigError('Config file ci/missing.yaml does not exist'));
  });

  it('reports errors with the path relative to the working directory', async () => {
    const dir = await tempDir({ '.ragcheck.yaml': 'rules:\n  x: 7\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/^\.ragcheck\.yaml:2:6: rules\.x must be a severity/);
  });
});
