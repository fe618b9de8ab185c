import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineText, makeBaseline, parseBaseline, BaselineError } from '../../src/baseline/baseline.js';
import { fingerprint, fingerprints } from '../../src/baseline/fingerprint.js';
import type { Diagnostic } from '../../src/engine/types.js';
import { SourceFile } from '../../src/source/source-file.js';

const TEXT = 'services:\n  web:\n    image: app:latest\n  worker:\n    image:   app:latest\n';

function lintLike(text: string): { diagnostics: Diagnostic[]; sources: Map<string, SourceFile> } {
  const source = new SourceFile('compose.yaml', text);
  const diagnostics: Diagnostic[] = [];
  for (let i = text.indexOf('app:latest'); i !== -1; i = text.indexOf('app:latest', i + 1)) {
    diagnostics.push({ ruleId: 'pinned-image-tag', severity: 'error', message: 'runs app:latest', span: source.span(i, i + 10) });
  }
  return { diagnostics, sources: new Map([[source.path, source]]) };
}

describe('fingerprints', () => {
  it('tell apart findings on identical lines by occurrence, and ignore spacing', () => {
    const { diagnostics, sources } = lintLike(TEXT);
    const fps = fingerprints(diagnostics, sources);
    expect(fps.get(diagnostics[0]!)).toBe(fingerprint(diagnostics[0]!, sources, 0));
    expect(fps.get(diagnostics[1]!)).toBe(fingerprint(diagnostics[1]!, sources, 1));
    // `image:   app:latest` is `image: app:latest` once whitespace is collapsed.
    expect(fingerprint(diagnostics[1]!, sources, 0)).toBe(fingerprint(diagnostics[0]!, sources, 0));
    expect(fps.get(diagnostics[0]!)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('stay the same when lines are inserted above, and CRLF line endings do not matter', () => {
    const before = lintLike(TEXT);
    const after = lintLike(`# a comment\n\n${TEXT.replace('  web:\n', '  web:\n    restart: always\n')}`);
    const crlf = lintLike(TEXT.replace(/\n/g, '\r\n'));
    const values = (r: ReturnType<typeof lintLike>) => [...fingerprints(r.diagnostics, r.sources).values()];
    expect(values(after)).toEqual(values(before));
    expect(values(crlf)).toEqual(values(before));
  });
});

describe('baseline', () => {
  it('is sorted, one finding a line, and holds back exactly the recorded findings', () => {
    const before = lintLike(TEXT);
    const baseline = makeBaseline(before.diagnostics, before.sources);
    const text = baselineText(baseline);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "version": 1,', '  "findings": [']);
    expect(text.split('\n').filter((l) => l.includes('"fingerprint"'))).toHaveLength(2);
    expect(parseBaseline(text, 'b.json')).toEqual(baseline);

    const after = lintLike(`# moved\n${TEXT}  cache:\n    image: redis:latest\n    labels: [app:latest]\n`);
    const outcome = applyBaseline(after.diagnostics, after.sources, baseline);
    expect(outcome.baselined).toBe(2);
    expect(outcome.gone).toBe(0);
    expect(outcome.kept.map((d) => d.span.line)).toEqual([9]);
  });

  it('counts recorded findings that are gone', () => {
    const before = lintLike(TEXT);
    const after = lintLike(TEXT.replace('    image:   app:latest\n', '    image: app:1.2\n'));
    const outcome = applyBaseline(after.diagnostics, after.sources, makeBaseline(before.diagnostics, before.sources));
    expect([outcome.kept.length, outcome.baselined, outcome.gone]).toEqual([0, 1, 1]);
  });

  it('writes an empty baseline as an empty list', () => {
    expect(baselineText({ version: 1, findings: [] })).toBe('{\n  "version": 1,\n  "findings": []\n}\n');
  });

  it('refuses what is not a baseline, in one line', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline('{', 'b.json')).toThrow(/^baseline b\.json is not JSON: /);
    expect(() => parseBaseline('{"version":2,"findings":[]}', 'b.json')).toThrow('baseline b.json is not a ragcheck baseline (expected { "version": 1, "findings": [...] })');
    expect(() => parseBaseline('{"version":1,"findings":[{"ruleId":"x"}]}', 'b.json')).toThrow('baseline b.json: finding 1 has no "fingerprint"');
  });
});
