import { mapArray } from '../arrays.js';
import { lastAtOrBefore } from '../source/search.js';
import { analyzeCommands } from './analyze.js';
import { mapCommand } from './offsets.js';
import type { OffsetMapper, SimpleCommand } from './types.js';

/**
 * Where a script's characters stand in their file: `toFile(i)` is the file offset of script
 * character `i`. It must accept every `i` in `[0, script.length]`, `script.length` standing
 * for "just past the last character".
 */
export type ToFile = (offset: number) => number;

/**
 * The commands of a shell script whose text is not a verbatim slice of its file — a Dockerfile
 * RUN body with its line continuations joined, a compose healthcheck `CMD-SHELL` string —
 * with every offset (command and word ranges) a FILE offset.
 *
 * Heredocs: `script` may include them as the shell sees them (`<<EOF\n…\nEOF`). A bare
 * `<<EOF` with no command before it (Dockerfile `RUN <<EOF`) is read as the script its body
 * is; a heredoc fed to a shell (`RUN bash <<EOF`, `sh -s <<EOF`) is read one level deeper,
 * like `sh -c`; any other heredoc (`cat <<EOF > f`, `python <<EOF`) is data. A heredoc body
 * may equally be passed on its own, with a mapper for where the body stands.
 *
 * Results are fresh arrays; the analysis under them is cached by `script`.
 */
export function analyzeScript(script: string, toFile: ToFile): SimpleCommand[] {
  return analyzeMappedScript(script, rangeMapper(toFile));
}

/** `analyzeScript` with a range mapper (such as `scalarMapper` for a YAML scalar). */
export function analyzeMappedScript(script: string, map: OffsetMapper): SimpleCommand[] {
  return mapArray(analyzeCommands(script), (c) => mapCommand(c, map));
}

/**
 * A range mapper from a character mapper: a non-empty range ends just after its last
 * character, so text the script dropped right after it (a joined `\` + newline) stays out.
 */
export function rangeMapper(toFile: ToFile): OffsetMapper {
  return (start, end) => {
    const s = toFile(start);
    return end > start ? [s, Math.max(s, toFile(end - 1) + 1)] : [s, s];
  };
}

/** A piece of a script and the file offset of its first character. */
export interface ScriptPiece {
  text: string;
  at: number;
}

/**
 * Joins pieces of text found at different places of a file (the lines of a RUN body once
 * its `\` continuations and comment lines are dropped) into one script, with the `toFile`
 * that maps it back.
 */
export function joinPieces(pieces: readonly ScriptPiece[]): { script: string; toFile: ToFile } {
  const starts: number[] = [];
  let script = '';
  for (const p of pieces) {
    starts.push(script.length);
    script += p.text;
  }
  const last = pieces[pieces.length - 1];
  const end = last ? last.at + last.text.length : 0;
  const toFile: ToFile = (offset) => {
    if (offset >= script.length || pieces.length === 0) return end;
    const k = lastAtOrBefore(starts, offset); // the last piece starting at or before `offset`
    return pieces[k]!.at + (offset - starts[k]!);
  };
  return { script, toFile };
}
