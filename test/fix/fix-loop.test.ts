import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../src/engine/lint.js';
import type { Diagnostic, Fix } from '../../src/engine/types.js';
import { fixLoop, type FixFilter } from '../../src/fix/fix-loop.js';
import { SourceFile } from '../../src/source/source-file.js';
import { tempProjects } from '../helpers/cli.js';

const folder = tempProjects();

/** A finding with a fix, as a rule would report it. */
function finding(file: SourceFile, ruleId: string, fix: Omit<Fix, 'title'> & { title?: string }): Diagnostic {
  return { ruleId, severity: 'warning', message: ruleId, span: file.span(0, 1), fix: { title: fix.title ?? ruleId, ...fix } };
}

/** Real lint with the rules' own fixes left out, plus `extra` findings computed from the files' current texts. */
function lintWith(dir: string, extra: (sources: LintResult['sources']) => Diagnostic[]) {
  return async (overrides: ReadonlyMap<string, string>) => {
    const r = await lint({ cwd: dir, paths: ['.'], overrides });
    return { ...r, diagnostics: [...r.diagnostics.map(({ fix: _, ...d }) => d), ...extra(r.sources)] };
  };
}

const PROD = 'services:\n  db:\n    image: postgres:16.4\n';

/** Fixes a one-file stack (PROD) whose compose.yaml gets the fixes `extra` proposes for its current text. */
async function fixProd(extra: (f: SourceFile) => Diagnostic[], filter: FixFilter = { unsafe: false }) {
  const dir = await folder({ 'compose.yaml': PROD });
  return fixLoop({ cwd: dir, filter, lint: lintWith(dir, (sources) => extra(sources.get('compose.yaml')!)) });
}

describe('fixLoop', () => {
  it('takes back a fix that would leave a file unparseable, and keeps the other files\' fixes', async () => {
    const dir = await folder({ 'a/compose.yaml': PROD, 'b/compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n' });
    const outcome = await fixLoop({
      cwd: dir,
      filter: { unsafe: false },
      lint: lintWith(dir, (sources) => {
        const f = sources.get('a/compose.yaml')!;
        const dev = sources.get('b/compose.yaml')!;
        const breaking = f.text.includes('[[') ? [] : [finding(f, 'test-fix-a', { safe: true, edits: [{ file: f.path, start: 0, end: 0, text: 'x: [[\n' }] })];
        const fine = dev.text.startsWith('version') ? [finding(dev, 'test-fix-b', { safe: true, edits: [{ file: dev.path, start: 0, end: dev.text.indexOf('\n') + 1, text: '' }] })] : [];
        return [...breaking, ...fine];
      }),
    });
    expect(outcome.changes.map((c) => c.path)).toEqual(['b/compose.yaml']);
    expect(outcome.changes[0]!.after).toBe('services:\n  web:\n    image: nginx:1.27\n');
    expect(outcome.reverted).toEqual([{ file: 'a/compose.yaml', rules: ['test-fix-a'], reason: 'the fixed file would not parse' }]);
    expect(await readFile(join(dir, 'a/compose.yaml'), 'utf8')).toBe(PROD);
  });

  it('takes back a fix that would add a finding', async () => {
    const outcome = await fixProd((f) => {
      const at = f.text.indexOf('16.4');
      return f.text.includes(':latest') ? [] : [finding(f, 'test-fix-b', { safe: false, edits: [{ file: f.path, start: at, end: at + 4, text: 'latest' }] })];
    }, { unsafe: true });
    expect(outcome.changes).toEqual([]);
    expect(outcome.reverted).toEqual([{ file: 'compose.yaml', rules: ['test-fix-b'], reason: 'the fix would add findings: pinned-image-tag' }]);
  });

  it('applies conflicting fixes over successive passes', async () => {
    const outcome = await fixProd((f) => {
      // Two fixes inserting at the same point: one per pass, each until its line is there.
      return ['# one\n', '# two\n']
        .filter((line) => !f.text.includes(line))
        .map((line) => finding(f, 'test-fix-a', { title: line, safe: true, edits: [{ file: f.path, start: 0, end: 0, text: line }] }));
    });
    expect(outcome.fixed).toBe(2);
    expect(outcome.changes[0]!.after).toBe(`# two\n# one\n${PROD}`);
    expect(outcome.unstable).toBeUndefined();
  });

  it('stops and names the rules when fixes undo each other', async () => {
    const outcome = await fixProd((f) => {
      const [from, to] = f.text.includes('16.4') ? ['16.4', '16.5'] : ['16.5', '16.4'];
      const at = f.text.indexOf(from);
      return [finding(f, 'test-fix-c', { safe: true, edits: [{ file: f.path, start: at, end: at + 4, text: to }] })];
    });
    expect(outcome.fixed).toBe(2);
    expect(outcome.unstable).toEqual({ rules: ['test-fix-c'], reason: 'their fixes undo each other' });
  });

  it('stops after ten passes when fixes keep coming', async () => {
    const outcome = await fixProd((f) => {
      return [finding(f, 'test-fix-d', { safe: true, edits: [{ file: f.path, start: f.text.length, end: f.text.length, text: '#\n' }] })];
    });
    expect(outcome.fixed).toBe(10);
    expect(outcome.unstable).toEqual({ rules: ['test-fix-d'], reason: 'fixes still pending after 10 passes' });
  });

  it('leaves unsafe fixes alone without --unsafe, and other rules\' fixes alone with --rule', async () => {
    const dir = await folder({ 'compose.yaml': PROD });
    const fixes = (sources: LintResult['sources']) => {
      const f = sources.get('compose.yaml')!;
      return f.text.startsWith('#') ? [] : [finding(f, 'test-fix-b', { safe: false, edits: [{ file: f.path, start: 0, end: 0, text: '# a\n' }] }), finding(f, 'test-fix-d', { safe: true, edits: [{ file: f.path, start: 0, end: 0, text: '# b\n' }] })];
    };
    const safeOnly = await fixLoop({ cwd: dir, filter: { unsafe: false }, lint: lintWith(dir, fixes) });
    expect(safeOnly.changes[0]!.after).toBe(`# b\n${PROD}`);
    const oneRule = await fixLoop({ cwd: dir, filter: { unsafe: true, rules: new Set(['test-fix-b']) }, lint: lintWith(dir, fixes) });
    expect(oneRule.changes[0]!.after).toBe(`# a\n${PROD}`);
  });
});
