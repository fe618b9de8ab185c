import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/types.js';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const rules = ['shared-volume-single-writer'];

function applied(text: string, d: Diagnostic): string {
  const e = d.fix!.edits[0]!;
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

describe('shared-volume-single-writer', () => {
  const compose = [
    'services:',
    '  openwebui:',
    '    image: ghcr.io/open-webui/open-webui:v0.6.5',
    '    volumes:',
    '      - openwebui-data:/app/backend/data',
    '  lamb:',
    '    image: ghcr.io/lamb-project/lamb:1.4.0',
    '    volumes:',
    '      - "openwebui-data:/app/owi"',
    '      - openwebui-data:/app/owi2:rw',
    '  kb:',
    '    image: ghcr.io/lamb-project/lamb-kb:1.4.0',
    '    volumes:',
    '      - type: volume',
    '        source: openwebui-data',
    '        target: /data # the KB reads users',
    '      - openwebui-data:/data2:z',
    'volumes:',
    '  openwebui-data:',
    '',
  ].join('\n');

  it('reports every read-write mount after the first writer, at the mount entry', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'shared-volume-single-writer', file: 'compose.yaml', line: 9, column: 9, endLine: 9, endColumn: 34 },
      { ruleId: 'shared-volume-single-writer', file: 'compose.yaml', line: 10, column: 9, endLine: 10, endColumn: 36 },
      { ruleId: 'shared-volume-single-writer', file: 'compose.yaml', line: 14, column: 9, endLine: 16, endColumn: 22 },
      { ruleId: 'shared-volume-single-writer', file: 'compose.yaml', line: 17, column: 9, endLine: 17, endColumn: 32 },
    ]);
    expect(ds[0]!.message).toBe('lamb mounts volume openwebui-data read-write, and openwebui already writes to it; mount it read-only here unless both must write');
    expect(ds[0]!.related?.[0]?.line).toBe(5);
    expect(ds[0]!.severity).toBe('info');
  });

  it('fixes each mount form safely: :ro, rw → ro, z → z,ro, read_only: true', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.every((d) => d.fix?.safe === true)).toBe(true);
    const lines = ds.map((d) => applied(compose, d).split('\n'));
    expect(lines[0]![8]).toBe('      - "openwebui-data:/app/owi:ro"');
    expect(lines[1]![9]).toBe('      - openwebui-data:/app/owi2:ro');
    expect(lines[2]!.slice(13, 17)).toEqual(['      - type: volume', '        source: openwebui-data', '        target: /data # the KB reads users', '        read_only: true']);
    expect(lines[3]![16]).toBe('      - openwebui-data:/data2:z,ro');
  });

  it('a fixed file has no finding left', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    let text = compose;
    // Edits apply from the end of the file so earlier offsets stay valid.
    for (const d of [...ds].reverse()) text = applied(text, d);
    expect(await lintFiles({ 'compose.yaml': text }, { rules })).toEqual([]);
  });

  it('turns read_only: false into true', async () => {
    const text = 'services:\n  a:\n    image: redis:7.4.1\n    volumes: [shared:/a]\n  b:\n    image: redis:7.4.1\n    volumes:\n      - type: volume\n        source: shared\n        target: /b\n        read_only: false\nvolumes:\n  shared:\n';
    const [d] = await lintFiles({ 'compose.yaml': text }, { rules });
    expect(applied(text, d!)).toContain('        read_only: true\n');
  });

  it('leaves read-only readers, binds, one service mounting twice and allowed volumes alone', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: redis:7.4.1',
      '    volumes:',
      '      - data:/data',
      '      - data:/backup',
      '      - ./shared:/shared',
      '      - hf-cache:/root/.cache/huggingface',
      '  b:',
      '    image: redis:7.4.1',
      '    volumes:',
      '      - data:/data:ro',
      '      - ./shared:/shared',
      '      - hf-cache:/root/.cache/huggingface',
      'volumes:',
      '  data:',
      '  hf-cache:',
      '',
    ].join('\n');
    expect(await lintFiles({ 'compose.yaml': text }, { rules, options: { 'shared-volume-single-writer': { allow: ['hf-*'] } } })).toEqual([]);
    expect((await lintFiles({ 'compose.yaml': text }, { rules })).map((d) => d.span.line)).toEqual([14]);
  });

  it('does not count a one-shot job that has exited before the others start as a writer', async () => {
    const job = (restart: string) => [
      'services:',
      '  volume-init:',
      '    image: busybox:1.37.0',
      '    command: ["chown", "-R", "1000:1000", "/data"]',
      `    restart: "${restart}"`,
      '    volumes:',
      '      - data:/data',
      '  db:',
      '    image: redis:7.4.1',
      '    depends_on:',
      '      volume-init:',
      '        condition: service_completed_successfully',
      '    volumes:',
      '      - data:/data',
      'volumes:',
      '  data:',
      '',
    ].join('\n');
    expect(await lintFiles({ 'compose.yaml': job('no') }, { rules })).toEqual([]);
    // Restarted, it is a long-running service like the others.
    expect((await lintFiles({ 'compose.yaml': job('always') }, { rules })).map((d) => d.span.line)).toEqual([14]);
  });
});

describe('fix', () => {
  it('mounts the other services read-only: :ro, ,ro, rw→ro, read_only: true (safe)', async () => {
    const compose = [
      'services:',
      '  writer:',
      '    image: acme/ingest:1',
      '    volumes:',
      '      - docs:/data',
      '  a:',
      '    image: acme/a:1',
      '    volumes:',
      '      - "docs:/docs" # reads',
      '  b:',
      '    image: acme/b:1',
      '    volumes:',
      '      - docs:/docs:rw,z # relabelled',
      '  c:',
      '    image: acme/c:1',
      '    volumes:',
      '      - docs:/docs:nocopy',
      '  d:',
      '    image: acme/d:1',
      '    volumes:',
      '      - type: volume # long',
      '        source: docs',
      '        target: /docs',
      'volumes:',
      '  docs: {}',
      '',
    ].join('\r\n');
    const r = await fixFiles({ 'compose.yaml': compose }, { rules });
    expect(r.files['compose.yaml']).toBe(compose
      .replace('"docs:/docs" # reads', '"docs:/docs:ro" # reads')
      .replace('docs:/docs:rw,z', 'docs:/docs:ro,z')
      .replace('docs:/docs:nocopy', 'docs:/docs:nocopy,ro')
      .replace('        target: /docs\r\n', '        target: /docs\r\n        read_only: true\r\n'));
    expect(r.remaining.filter((d) => d.ruleId === rules[0])).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
