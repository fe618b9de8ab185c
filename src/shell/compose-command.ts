import type { CommandSpec, Service } from '../compose/model.js';
import { isScalar, isSeq } from '../compose/ynode.js';
import type { Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { analyzeCommands } from './analyze.js';
import { coarseMapper, lazyMapper, mapCommand } from './offsets.js';
import { awaitsCommandString, fromWords } from './simple-command.js';
import type { MappedWord, SimpleCommand } from './types.js';
import { scalarMapper, scalarText } from '../compose/yaml-scalar.js';

/** The commands of a Compose `command:` / `entrypoint:`, located in their file. */
export interface CommandSite {
  /** Offsets are file offsets. */
  commands: readonly SimpleCommand[];
  /** The span of a `[start, end)` range of file offsets (the whole value when unknown). */
  span(start: number, end: number): Span;
}

const EMPTY: readonly SimpleCommand[] = [];

/**
 * Analyses a `command` / `entrypoint` as written (before interpolation, so positions map to
 * the file): string form as one shell line, list form as argv (its `sh -c` body parsed).
 * When `prefilter` is given and the text cannot match it, nothing is parsed.
 */
export function analyzeCommandSpec(spec: CommandSpec, sources: ReadonlyMap<string, SourceFile>, prefilter?: RegExp, asShellBody = false): CommandSite {
  const file = sources.get(spec.span.file);
  const span = (start: number, end: number): Span => (file ? file.span(start, end) : spec.span);
  const site = (commands: readonly SimpleCommand[]): CommandSite => ({ commands, span });
  const node = spec.node;

  if (isSeq(node) && asShellBody) {
    // `sh -c BODY arg0 args…`: the first item is a shell line, the rest are its parameters.
    const body = node.items[0];
    if (!isScalar(body) || (prefilter && !prefilter.test(scalarText(body)))) return site(EMPTY);
    return site(analyzeCommands(scalarText(body), 1).map((c) => mapCommand(c, scalarMapper(body, file))));
  }
  if (isSeq(node)) {
    const words: MappedWord[] = [];
    for (const item of node.items) {
      if (!isScalar(item)) continue;
      words.push({ text: scalarText(item), start: item.span.start, end: item.span.end, map: lazyMapper(() => scalarMapper(item, file)) });
    }
    if (prefilter && !prefilter.test(words.map((w) => w.text).join(' '))) return site(EMPTY);
    return site(fromWords(words, 0, analyzeCommands));
  }

  const text = isScalar(node) ? scalarText(node) : spec.text;
  if (prefilter && !prefilter.test(text)) return site(EMPTY);
  const commands = analyzeCommands(text);
  if (commands.length === 0) return site(EMPTY);
  const map = isScalar(node) ? scalarMapper(node, file) : coarseMapper(spec.span.start, spec.span.end);
  return site(commands.map((c) => mapCommand(c, map)));
}

/**
 * The commands a service starts with: its `entrypoint`, then its `command` — read as the
 * shell line when the entrypoint is a bare `sh -c` (`entrypoint: ["/bin/sh", "-c"]`).
 */
export function serviceCommandSites(service: Service, sources: ReadonlyMap<string, SourceFile>, prefilter?: RegExp): CommandSite[] {
  const { entrypoint, command } = service;
  const sites: CommandSite[] = [];
  if (entrypoint) sites.push(analyzeCommandSpec(entrypoint, sources, prefilter));
  if (command) sites.push(analyzeCommandSpec(command, sources, prefilter, entrypoint?.form === 'list' && awaitsCommandString(entrypoint.argv)));
  return sites;
}
