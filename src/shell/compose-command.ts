import { mapArray } from '../arrays.js';
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

/** What each spec's prefilters are tested on, and its analysis, for each reading (argv, or `sh -c` body). */
interface Analysed {
  text: string | undefined;
  site?: CommandSite;
}
const analysed = [new WeakMap<CommandSpec, Analysed>(), new WeakMap<CommandSpec, Analysed>()] as const;

/**
 * Analyses a `command` / `entrypoint` as written (before interpolation, so positions map to
 * the file): string form as one shell line, list form as argv (its `sh -c` body parsed).
 * When `prefilter` is given and the text cannot match it, nothing is parsed. Several rules ask
 * about each service with different prefilters: the analysis is done once per spec and shared.
 */
export function analyzeCommandSpec(spec: CommandSpec, sources: ReadonlyMap<string, SourceFile>, prefilter?: RegExp, asShellBody = false): CommandSite {
  const memo = analysed[asShellBody ? 1 : 0];
  let entry = memo.get(spec);
  if (!entry) memo.set(spec, (entry = { text: prefilterText(spec, asShellBody) }));
  if (prefilter && (entry.text === undefined || !prefilter.test(entry.text))) return emptySite(spec, sources);
  return (entry.site ??= analyze(spec, sources, asShellBody));
}

/** The text a prefilter is tested on; undefined when there is nothing to parse. */
function prefilterText(spec: CommandSpec, asShellBody: boolean): string | undefined {
  const node = spec.node;
  if (isSeq(node) && asShellBody) {
    const body = node.items[0];
    return isScalar(body) ? scalarText(body) : undefined;
  }
  if (isSeq(node)) {
    let text = '';
    let first = true;
    for (const item of node.items) {
      if (!isScalar(item)) continue;
      text = first ? scalarText(item) : `${text} ${scalarText(item)}`;
      first = false;
    }
    return text;
  }
  return isScalar(node) ? scalarText(node) : spec.text;
}

function spanOf(spec: CommandSpec, sources: ReadonlyMap<string, SourceFile>): CommandSite['span'] {
  const file = sources.get(spec.span.file);
  return (start: number, end: number): Span => (file ? file.span(start, end) : spec.span);
}

function emptySite(spec: CommandSpec, sources: ReadonlyMap<string, SourceFile>): CommandSite {
  return { commands: EMPTY, span: spanOf(spec, sources) };
}

function analyze(spec: CommandSpec, sources: ReadonlyMap<string, SourceFile>, asShellBody: boolean): CommandSite {
  const file = sources.get(spec.span.file);
  const site = (commands: readonly SimpleCommand[]): CommandSite => ({ commands, span: spanOf(spec, sources) });
  const node = spec.node;

  if (isSeq(node) && asShellBody) {
    // `sh -c BODY arg0 args…`: the first item is a shell line, the rest are its parameters.
    const body = node.items[0];
    if (!isScalar(body)) return site(EMPTY);
    return site(mapArray(analyzeCommands(scalarText(body), 1), (c) => mapCommand(c, scalarMapper(body, file))));
  }
  if (isSeq(node)) {
    const words: MappedWord[] = [];
    for (const item of node.items) {
      if (!isScalar(item)) continue;
      words.push({ text: scalarText(item), start: item.span.start, end: item.span.end, map: lazyMapper(() => scalarMapper(item, file)) });
    }
    return site(fromWords(words, 0, analyzeCommands));
  }

  const text = isScalar(node) ? scalarText(node) : spec.text;
  const commands = analyzeCommands(text);
  if (commands.length === 0) return site(EMPTY);
  const map = isScalar(node) ? scalarMapper(node, file) : coarseMapper(spec.span.start, spec.span.end);
  return site(mapArray(commands, (c) => mapCommand(c, map)));
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
