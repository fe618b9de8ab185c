import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const rules = ['healthcheck-start-period'];

describe('healthcheck-start-period', () => {
  const compose = [
    'services:',
    '  ollama:',
    '    image: ollama/ollama:0.5.7',
    '    healthcheck:',
    '      test: ["CMD", "ollama", "list"]',
    '      interval: 10s # probe often',
    '  milvus:',
    '    image: milvusdb/milvus:v2.5.16',
    '    healthcheck:',
    '      test: ["CMD", "curl", "-f", "http://localhost:9091/healthz"]',
    '      start_period: 20s',
    '  es:',
    '    image: elasticsearch:8.16.1',
    '    healthcheck:',
    '      test: curl -fs http://localhost:9200',
    '      start_period: 1m30s',
    '  redis:',
    '    image: redis:7.4.1',
    '    healthcheck:',
    '      test: ["CMD", "redis-cli", "ping"]',
    '',
  ].join('\n');

  it('reports a missing start_period at the healthcheck key and a short one at its value', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'healthcheck-start-period', file: 'compose.yaml', line: 4, column: 5, endLine: 4, endColumn: 16 },
      { ruleId: 'healthcheck-start-period', file: 'compose.yaml', line: 11, column: 21, endLine: 11, endColumn: 24 },
    ]);
    expect(ds[0]!.message).toBe(
      'ollama (ollama) starts slowly, and its healthcheck has no start_period: failed probes will mark it unhealthy while it loads; set start_period: 30s or more',
    );
    expect(ds[1]!.message).toBe(
      'milvus (milvus) starts slowly, and a start_period of 20s is shorter than 30s: failed probes will mark it unhealthy while it loads',
    );
  });

  it('fixes safely: adds start_period after the last key, or raises a short one', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    let text = compose;
    for (const d of [...ds].reverse()) {
      const e = d.fix!.edits[0]!;
      expect(d.fix!.safe).toBe(true);
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
    expect(text.split('\n').slice(3, 7)).toEqual(['    healthcheck:', '      test: ["CMD", "ollama", "list"]', '      interval: 10s # probe often', '      start_period: 30s']);
    expect(text).toContain('      start_period: 30s\n  es:');
    expect(await lintFiles({ 'compose.yaml': text }, { rules })).toEqual([]);
  });

  it('honours the minimum option', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules, options: { 'healthcheck-start-period': { minimum: '2m' } } });
    expect(ds.map((d) => d.span.line)).toEqual([4, 11, 16]);
    expect(ds[2]!.message).toContain('a start_period of 1m30s is shorter than 2m');
  });

  it('reads a built stage FROM a slow starter, its HEALTHCHECK --start-period, and skips disabled checks', async () => {
    const files = {
      'compose.yaml': 'services:\n  llm:\n    build: .\n  off:\n    image: ollama/ollama:0.5.7\n    healthcheck:\n      disable: true\n',
      Dockerfile: 'FROM ollama/ollama:0.5.7\nHEALTHCHECK --interval=10s --start-period=5s CMD ollama list\n',
    };
    const ds = await lintFiles(files, { rules });
    expect(ds.map(at)).toEqual([{ ruleId: 'healthcheck-start-period', file: 'Dockerfile', line: 2, column: 1, endLine: 2, endColumn: 12 }]);
    expect(ds[0]!.message).toContain('its HEALTHCHECK --start-period=5s is shorter than 30s');
    const longer = { ...files, Dockerfile: 'FROM ollama/ollama:0.5.7\nHEALTHCHECK --start-period=60s CMD ollama list\n' };
    expect(await lintFiles(longer, { rules })).toEqual([]);
  });
});

describe('fix', () => {
  it('adds a start_period to a slow starter\'s healthcheck, or raises a short one keeping its quotes (safe)', async () => {
    const compose = [
      'services:',
      '  ollama:',
      '    image: ollama/ollama:0.5.7',
      '    healthcheck: # probe',
      '      test: ["CMD", "ollama", "list"]',
      '      interval: 30s # slow',
      '  es:',
      '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.3',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "curl -fs localhost:9200"]',
      "      start_period: '5s' # short",
      '',
    ].join('\n');
    const r = await fixFiles({ 'compose.yaml': compose }, { rules });
    expect(r.files['compose.yaml']).toBe(compose.replace('      interval: 30s # slow\n', '      interval: 30s # slow\n      start_period: 30s\n').replace("start_period: '5s'", "start_period: '30s'"));
    expect(r.remaining.filter((d) => d.ruleId === rules[0])).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
