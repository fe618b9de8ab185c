import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['no-duplicate-host-ports'];

describe('no-duplicate-host-ports', () => {
  it('reports the later entry at its host port, naming the first publisher', async () => {
    const compose = [
      'services:',
      '  openwebui:',
      '    image: ghcr.io/open-webui/open-webui:v0.6.5',
      '    ports:',
      '      - "127.0.0.1:3000:8080"',
      '      - "8000-8010:8000-8010"',
      '  grafana:',
      '    image: grafana/grafana:11.3.0',
      '    ports:',
      '      - "3000:3000"',
      '      - 127.0.0.1:8005:80',
      '      - target: 80',
      '        published: 3000',
      '        protocol: udp',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'no-duplicate-host-ports', file: 'compose.yaml', line: 10, column: 10, endLine: 10, endColumn: 14 },
      { ruleId: 'no-duplicate-host-ports', file: 'compose.yaml', line: 11, column: 19, endLine: 11, endColumn: 23 },
    ]);
    expect(ds[0]!.message).toBe(
      'grafana publishes host port 3000/tcp, which openwebui already publishes (line 5); the second container would fail to start with "port is already allocated"',
    );
    expect(ds[0]!.related?.[0]?.line).toBe(5);
  });

  it('catches two entries of one service and overlays merged into one stack', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0.0\n    ports: ["0.0.0.0:8000:8000"]\n',
        'compose.override.yaml': 'services:\n  api:\n    ports: ["127.0.0.1:8000:8080"]\n',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'no-duplicate-host-ports', file: 'compose.override.yaml', line: 3, column: 24, endLine: 3, endColumn: 28 }]);
    expect(ds[0]!.message).toContain('which it already publishes');
  });

  it('leaves different addresses, protocols, ephemeral ports and disjoint profiles alone', async () => {
    const compose = [
      'services:',
      '  a:',
      '    image: ollama/ollama:0.5.7',
      '    profiles: [cpu]',
      '    ports: ["127.0.0.1:11434:11434", "9000", "[::1]:7000:7000"]',
      '  b:',
      '    image: ollama/ollama:0.5.7-rocm',
      '    profiles: [gpu]',
      '    ports: ["127.0.0.1:11434:11434", "9000"]',
      '  c:',
      '    image: ghcr.io/acme/api:1.0.0',
      '    ports: ["10.0.0.5:11434:11434", "127.0.0.1:11434:11434/udp", "0.0.0.0:7000:7000"]',
      '',
    ].join('\n');
    expect(await lintFiles({ 'compose.yaml': compose }, { rules })).toEqual([]);
  });
});
