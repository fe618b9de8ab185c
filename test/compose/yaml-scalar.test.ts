import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/compose/parse.js';
import { alignScalar, scalarMapper, scalarText } from '../../src/compose/yaml-scalar.js';
import type { YScalar } from '../../src/compose/ynode.js';
import { coarseMapper, tableMapper } from '../../src/shell/offsets.js';
import { SourceFile } from '../../src/source/source-file.js';

/** Aligns `value` with the scalar written at `written`'s position in `src`; returns the source chars per value char. */
function align(src: string, written: string, value: string): string | null {
  const start = src.indexOf(written);
  const a = alignScalar(src, start, start + written.length, value);
  return a && a.starts.slice(0, value.length).map((o) => src[o]).join('');
}

describe('alignScalar', () => {
  it('maps plain and quoted one-line scalars one to one', () => {
    expect(alignScalar('k: npm ci', 3, 9, 'npm ci')?.starts).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(alignScalar('k: "npm ci"', 3, 11, 'npm ci')?.starts).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(alignScalar("k: 'npm ci'", 3, 11, 'npm ci')).toEqual({ starts: [4, 5, 6, 7, 8, 9, 10], ends: [5, 6, 7, 8, 9, 10] });
  });

  it('follows escapes in double quotes and doubled quotes in single quotes', () => {
    const src = 'k: "sh -c \\"npm ci\\""';
    const { starts, ends } = alignScalar(src, 3, src.length, 'sh -c "npm ci"')!;
    // An escaped quote spans its backslash too.
    expect(src.slice(starts[6]!, ends[6]!)).toBe('\\"');
    expect(src.slice(starts[7]!, ends[12]!)).toBe('npm ci');
    expect(src.slice(starts[6]!, ends[13]!)).toBe('\\"npm ci\\"');
    expect(align("k: 'it''s'", "'it''s'", "it's")).toBe("it's");
  });

  it('maps literal and folded block scalars line by line', () => {
    const lit = 'k: |\n  npm ci\n  npm run build\n';
    const { starts } = alignScalar(lit, 3, lit.length - 1, 'npm ci\nnpm run build\n')!;
    expect(lit.slice(starts[7]!, starts[19]! + 1)).toBe('npm run build');
    const folded = 'k: >\n  sh -c "npm ci\n  && npm run build"\n';
    const f = alignScalar(folded, 3, folded.length - 1, 'sh -c "npm ci && npm run build"\n')!;
    expect(folded.slice(f.starts[17]!, f.ends[29]!)).toBe('npm run build');
  });

  it('maps plain multi-line scalars, folding line breaks', () => {
    expect(align('k: pip install\n   -r req.txt\n', 'pip install\n   -r req.txt', 'pip install -r req.txt')).toBe('pip install\n-r req.txt');
  });

  it('gives up (null) when the text does not line up', () => {
    expect(alignScalar('k: "\\x41"', 3, 9, 'A')).toBeNull();
    expect(alignScalar('k: ${CMD}', 3, 9, 'npm ci')).toBeNull();
  });
});

describe('scalarMapper', () => {
  it('maps a scalar written as it reads by a shift, exactly as the alignment table would', () => {
    const texts = ['k: npm ci --omit=dev', 'k: "npm ci"', "k: 'a b'", "k: 'it''s'", 'k: "a\\"b"', 'k: 8080', 'k: 0x1F', 'k: |\n  npm ci\n', 'k: ""', 'k:'];
    for (const text of texts) {
      const file = new SourceFile('compose.yaml', text);
      const r = parseYamlFile(file);
      if (!r.ok) throw new Error(text);
      const node = r.root.pairs[0]!.value as YScalar;
      const written = scalarText(node);
      const a = alignScalar(text, node.span.start, node.span.end, written);
      const reference = a ? tableMapper(a.starts, a.ends) : coarseMapper(node.span.start, node.span.end);
      const mapper = scalarMapper(node, file);
      for (let from = 0; from <= written.length; from++) for (let to = from; to <= written.length; to++) expect(mapper(from, to), `${text} [${from}, ${to})`).toEqual(reference(from, to));
    }
  });
});
