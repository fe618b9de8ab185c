import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const rules = ['ports-bind-interface', 'internal-service-not-published'];

describe('ports-bind-interface', () => {
  const compose = [
    'services:',
    '  backend:',
    '    image: ghcr.io/acme/backend:1.8.0',
    '    ports:',
    '      - "8000:8000"',
    '      - 9090',
    '      - 127.0.0.1:8001:8001',
    '      - target: 3000',
    '        published: "3001"',
    '      - "0.0.0.0:8443:443/tcp"',
    '  redis:',
    '    image: redis:7.4.1',
    '    ports: ["6379:6379"]',
    '',
  ].join('\n');

  it('reports ports without a host IP at the entry; internal services are left to internal-service-not-published', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'ports-bind-interface', file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 20 },
      { ruleId: 'ports-bind-interface', file: 'compose.yaml', line: 6, column: 9, endLine: 6, endColumn: 13 },
      { ruleId: 'ports-bind-interface', file: 'compose.yaml', line: 8, column: 9, endLine: 9, endColumn: 26 },
      { ruleId: 'internal-service-not-published', file: 'compose.yaml', line: 13, column: 13, endLine: 13, endColumn: 24 },
    ]);
    expect(ds[0]!.message).toBe(
      'backend publishes port 8000 without a host IP, so it listens on every interface; write 127.0.0.1: for local access (behind a proxy), or 0.0.0.0: to face the network on purpose',
    );
    expect(ds[1]!.message).toContain('container port 9090 on a random host port');
    expect(ds[0]!.severity).toBe('warning');
  });

  it('fixes entries by binding them to 127.0.0.1 (unsafe)', async () => {
    const ds = (await lintFiles({ 'compose.yaml': compose }, { rules })).filter((d) => d.ruleId === 'ports-bind-interface');
    let text = compose;
    for (const d of [...ds].reverse()) {
      const e = d.fix?.edits[0];
      if (e) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
    expect(text.split('\n').slice(4, 6)).toEqual(['      - "127.0.0.1:8000:8000"', '      - 127.0.0.1::9090']);
    expect(ds[0]!.fix!.safe).toBe(false);
    // Long syntax gets a host_ip key.
    expect(ds[2]!.fix!.edits[0]!.text).toBe('\n        host_ip: 127.0.0.1');
  });

  it('checks prod stacks only', async () => {
    const dev = { 'compose.dev.yaml': 'services:\n  web:\n    image: nginx:1.27.3\n    ports: ["8080:80"]\n' };
    expect(await lintFiles(dev, { rules })).toEqual([]);
  });
});

describe('fix', () => {
  it('binds short and long entries to 127.0.0.1, quoting and comments kept (unsafe)', async () => {
    const compose = [
      'services:',
      '  api:',
      '    image: ghcr.io/acme/api:2.3.0',
      '    ports:',
      '      - "8000:8000" # api',
      '      - 9090 # metrics',
      '      - target: 3000 # ui',
      '        published: "3001"',
      '',
    ].join('\n');
    expect((await fixFiles({ 'compose.yaml': compose }, { rules: ['ports-bind-interface'] })).outcome.changes).toEqual([]);
    const r = await fixFiles({ 'compose.yaml': compose }, { rules: ['ports-bind-interface'], unsafe: true });
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  api:',
      '    image: ghcr.io/acme/api:2.3.0',
      '    ports:',
      '      - "127.0.0.1:8000:8000" # api',
      '      - 127.0.0.1::9090 # metrics',
      '      - target: 3000 # ui',
      '        published: "3001"',
      '        host_ip: 127.0.0.1',
      '',
    ].join('\n'));
    expect(r.remaining.filter((d) => d.ruleId === 'ports-bind-interface')).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
