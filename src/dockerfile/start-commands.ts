import { mapArray } from '../arrays.js';
import type { ExecOrShell, Instruction, Stage } from './types.js';
import { parseJsonStrings } from './words.js';
import { analyzeCommands } from '../shell/analyze.js';
import { coarseMapper, mapCommand } from '../shell/offsets.js';
import { analyzeScript, rangeMapper } from '../shell/script.js';
import { awaitsCommandString, fromWords } from '../shell/simple-command.js';
import type { MappedWord, OffsetMapper, SimpleCommand } from '../shell/types.js';

/** The commands one CMD or ENTRYPOINT runs, with file offsets. */
export interface StartSite {
  instruction: Instruction;
  commands: readonly SimpleCommand[];
}

/**
 * What the runtime stages start with: the effective ENTRYPOINT, then the CMD, read as the
 * shell line it is under a bare `sh -c` entrypoint (`ENTRYPOINT ["/bin/sh", "-c"]`). Each
 * instruction once, however many runtime stages inherit it. Texts failing `prefilter` are
 * not parsed.
 */
export function startSites(runtimeStages: readonly Stage[], prefilter: RegExp): StartSite[] {
  const out = new Map<Instruction, StartSite>();
  for (const stage of runtimeStages) {
    const { entrypoint, cmd } = stage.effective;
    const asBody = entrypoint?.form === 'exec' && awaitsCommandString(entrypoint.argv ?? []);
    for (const [spec, body] of [[entrypoint, false], [cmd, asBody]] as const) {
      if (!spec || out.has(spec.instruction)) continue;
      out.set(spec.instruction, { instruction: spec.instruction, commands: commandsOf(spec, body, prefilter) });
    }
  }
  return [...out.values()];
}

function commandsOf(spec: ExecOrShell, asShellBody: boolean, prefilter: RegExp): readonly SimpleCommand[] {
  if (spec.form === 'shell') return spec.script && prefilter.test(spec.script) ? analyzeScript(spec.script, spec.toFile) : [];
  const ins = spec.instruction;
  const json = parseJsonStrings(ins.argsText);
  if (!json || !prefilter.test(json.values.join(' '))) return [];
  const words: MappedWord[] = mapArray(json.values, (text, i) => {
    const [s, e] = json.ranges[i]!;
    const start = ins.argsToFile(s);
    const end = ins.argsToFile(e - 1) + 1;
    // Without escapes each character stands where it is written, inside the quotes.
    const map: OffsetMapper = e - s - 2 === text.length ? rangeMapper((o) => ins.argsToFile(s + 1 + o)) : coarseMapper(start, end);
    return { text, start, end, map };
  });
  if (asShellBody) {
    const body = words[0];
    return body ? mapArray(analyzeCommands(body.text, 1), (c) => mapCommand(c, body.map)) : [];
  }
  return fromWords(words, 0, analyzeCommands);
}
