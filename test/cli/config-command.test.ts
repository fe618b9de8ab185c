import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { runCli, tempProjects } from '../helpers/cli.js';

const project = tempProjects();

const run = runCli;

const HADOLINT = [
  'ignored:',
  '  - DL3015',
  '  - DL3007',
  '  - DL3059',
  'override:',
  '  warning: [DL3042]',
  '  error: [DL3009]',
  'trustedRegistries:',
  '  - docker.io',
  '  - "registry.example.com:5000"',
  'failure-threshold: warning',
  '',
].join('\n');

describe('ragcheck config import-hadolint', () => {
  it('prints settings that keep the same checks off, at the same levels, with the same registries', async () => {
    const dir = await project({ '.hadolint.yaml': HADOLINT });
    const r = await run(['config', 'import-hadolint'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '# Imported from .hadolint.yaml by `ragcheck config import-hadolint`.',
        'rules:',
        '  apt-no-recommends: off  # ignored: DL3015',
        '  pip-no-cache: warning  # override: DL3042',
        '  apt-cleanup: error  # override: DL3009',
        '  allowed-registry: [error, { registries: ["docker.io", "registry.example.com:5000"] }]  # trustedRegistries',
        '# DL3007 is ignored, but pinned-image-tag also covers DL3006: it stays on (suppress it inline where needed)',
        '# No ragcheck rule covers DL3059',
        '',
      ].join('\n'),
    );
  });

  it('writes a new .ragcheck.yaml that loads, and never overwrites one', async () => {
    const dir = await project({ 'ci/hadolint.yaml': 'ignored: [DL3042]\n' });
    expect((await run(['config', 'import-hadolint', 'ci/hadolint.yaml', '--write'], dir)).code).toBe(0);
    const written = await readFile(join(dir, '.ragcheck.yaml'), 'utf8');
    expect(written).toContain('pip-no-cache: off');
    const loaded = await loadConfig(dir);
    expect(loaded.config.rules['pip-no-cache']).toBe('off');
    const again = await run(['config', 'import-hadolint', 'ci/hadolint.yaml', '--write'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('ragcheck: .ragcheck.yaml already exists; run without --write and merge the settings by hand\n');
  });

  it('exits 2 with a clear message on a missing or malformed file and on bad usage', async () => {
    const dir = await project({ 'bad.yaml': 'ignored: DL3008\n', 'list.yaml': '- a\n' });
    expect(await run(['config', 'import-hadolint'], dir)).toEqual({ code: 2, stdout: '', stderr: 'ragcheck: no .hadolint.yaml here; name the file: ragcheck config import-hadolint <file>\n' });
    expect((await run(['config', 'import-hadolint', 'bad.yaml'], dir)).stderr).toBe('ragcheck: bad.yaml "ignored" must be a list of strings\n');
    expect((await run(['config', 'import-hadolint', 'list.yaml'], dir)).stderr).toBe('ragcheck: list.yaml is not a mapping\n');
    expect((await run(['config', 'import-hadolint', 'nope.yaml'], dir)).stderr).toBe('ragcheck: cannot read nope.yaml: ENOENT\n');
    expect((await run(['config', 'export'], dir)).code).toBe(2);
    expect((await run(['config'], dir)).stderr).toBe('ragcheck: config takes a command: import-hadolint\n');
  });
});
