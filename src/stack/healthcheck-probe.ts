import type { Service } from '../compose/model.js';
import { get, isScalar, isSeq, str } from '../compose/ynode.js';
import { jsonArray } from '../dockerfile/exec-form.js';
import type { DockerfileModel, HealthcheckState } from '../dockerfile/types.js';
import type { Span } from '../engine/types.js';
import type { ImageFacts, Presence } from '../images/facts.js';
import type { Binary } from '../images/known-images.js';
import { analyzeCommands } from '../shell/analyze.js';
import { coarseMapper } from '../shell/offsets.js';
import { analyzeMappedScript, analyzeScript } from '../shell/script.js';
import { fromWords } from '../shell/simple-command.js';
import type { MappedWord, SimpleCommand } from '../shell/types.js';
import { scalarMapper, scalarText } from '../compose/yaml-scalar.js';
import type { SourceFile } from '../source/source-file.js';

/** A healthcheck's commands, located in their file. */
export interface Probe {
  /** When the probe runs through /bin/sh: where `CMD-SHELL` (or the shell-form `CMD`) stands, and the script. */
  shell?: { span: Span; script: string };
  /** Offsets are file offsets. */
  commands: readonly SimpleCommand[];
  file: SourceFile;
}

/** Command names a probe may call, and the binary the image must have for each. */
export const PROBE_BINARIES: Readonly<Record<string, Binary>> = {
  curl: 'curl', wget: 'wget', nc: 'nc', netcat: 'nc', bash: 'bash', python: 'python', python3: 'python', node: 'node', nodejs: 'node',
};

/** The compose `healthcheck.test` of a service, as written (before interpolation). */
export function composeProbe(service: Service, sources: ReadonlyMap<string, SourceFile>): Probe | undefined {
  const test = get(get(service.node, 'healthcheck'), 'test');
  const file = test && sources.get(test.span.file);
  if (!file) return undefined;
  if (isScalar(test)) {
    const script = scalarText(test);
    return { shell: { span: test.span, script }, commands: analyzeMappedScript(script, scalarMapper(test, file)), file };
  }
  if (!isSeq(test)) return undefined;
  // Indexed, not destructured with a rest element: that runs the iterator protocol per item.
  const items = test.items;
  const kind = str(items[0]);
  const first = items[1];
  if (kind === 'CMD-SHELL' && isScalar(first)) {
    const script = scalarText(first);
    return { shell: { span: items[0]!.span, script }, commands: analyzeMappedScript(script, scalarMapper(first, file)), file };
  }
  if (kind !== 'CMD') return undefined;
  const words: MappedWord[] = [];
  for (let i = 1; i < items.length; i++) {
    const w = items[i]!;
    if (isScalar(w)) words.push({ text: scalarText(w), start: w.span.start, end: w.span.end, map: scalarMapper(w, file) });
  }
  return { commands: fromWords(words, 0, analyzeCommands), file };
}

/** A Dockerfile `HEALTHCHECK CMD …` (exec or shell form). */
export function dockerfileProbe(dockerfile: DockerfileModel, hc: HealthcheckState): Probe | undefined {
  if (hc.kind !== 'cmd') return undefined;
  const file = dockerfile.file;
  if (hc.form === 'shell') {
    const at = hc.instruction.argsSpan.start;
    const script = hc.script ?? '';
    return { shell: { span: file.span(at, at + 'CMD'.length), script }, commands: analyzeScript(script, hc.toFile), file };
  }
  const spans = hc.argvSpans ?? [];
  const words: MappedWord[] = (hc.argv ?? []).flatMap((text, i) => {
    const s = spans[i];
    return s ? [{ text, start: s.start, end: s.end, map: coarseMapper(s.start, s.end) }] : [];
  });
  return { commands: fromWords(words, 0, analyzeCommands), file };
}

/** Each command whose binary the image is known to lack. */
export function missingCalls(probe: Probe, binaries: Readonly<Record<Binary, Presence>>): { command: SimpleCommand; binary: Binary }[] {
  const out: { command: SimpleCommand; binary: Binary }[] = [];
  for (const command of probe.commands) {
    const binary = PROBE_BINARIES[command.name];
    if (binary && binaries[binary] === 'no') out.push({ command, binary });
  }
  return out;
}

/**
 * Probes of a URL, by the tool they need, best first. `python3` is the name every python image
 * and Debian's python package have.
 */
export const URL_PROBES: readonly [Binary, (url: string, program: string) => string[]][] = [
  ['curl', (url, curl) => ['CMD', curl, '-fsS', '-o', '/dev/null', url]],
  ['wget', (url, wget) => ['CMD', wget, '-q', '--spider', url]],
  ['python', (url, python) => ['CMD', python, '-c', `import urllib.request; urllib.request.urlopen('${url}')`]],
  ['node', (url, node) => ['CMD', node, '-e', `fetch('${url}').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))`]],
];

/** The program each tool is called by. */
export const PROGRAMS: Readonly<Record<Binary, string>> = { sh: 'sh', bash: 'bash', curl: 'curl', wget: 'wget', nc: 'nc', python: 'python3', node: 'node' };

/** What to probe with instead, best first: the image's known probe, then a tool it has. */
export function probeAdvice(command: SimpleCommand, facts: ImageFacts | undefined, binaries: Readonly<Record<Binary, Presence>>, built: boolean, dockerfile: boolean): string {
  const known = facts?.healthcheck?.test;
  if (known && !usesMissing(known, binaries)) return `use ${showProbe(known, dockerfile)}`;
  const url = command.args.find((a) => /^https?:\/\//.test(a.text))?.text ?? 'http://localhost:PORT/';
  const usable = URL_PROBES.find(([b]) => binaries[b] === 'yes' && b !== PROBE_BINARIES[command.name]);
  if (usable) return `use ${showProbe(usable[1](url, PROGRAMS[usable[0]]), dockerfile)}`;
  // Without a shell there is no package manager to install with either.
  const canInstall = built && binaries.sh !== 'no';
  return canInstall ? `install ${command.name} in the image, or probe with a tool it has` : facts?.healthcheck?.note ?? 'probe with a binary the image ships';
}

/** Known images' probes are shown in thousands of messages: format each once (per form). */
const shown = [new WeakMap<readonly string[], string>(), new WeakMap<readonly string[], string>()] as const;

/** A probe as compose (`test: […]`) or a Dockerfile (`HEALTHCHECK CMD …`) writes it. */
export function showProbe(test: readonly string[], dockerfile: boolean): string {
  const memo = shown[dockerfile ? 1 : 0];
  let text = memo.get(test);
  if (text === undefined) memo.set(test, (text = `${dockerfile ? 'HEALTHCHECK' : 'test:'} ${probeText(test, dockerfile)}`));
  return text;
}

/** A probe (compose `test` form) as written after `test: ` in compose or `HEALTHCHECK ` in a Dockerfile. */
export function probeText(test: readonly string[], dockerfile: boolean): string {
  if (!dockerfile) return jsonArray(test);
  // A compose test escapes `$` as `$$`; a Dockerfile does not.
  return test[0] === 'CMD-SHELL' ? `CMD ${(test[1] ?? '').replaceAll('$$', '$')}` : `CMD ${jsonArray(test.slice(1))}`;
}

/** For a probe that needs /bin/sh in an image without one. */
export function execFormAdvice(facts: ImageFacts | undefined, binaries: Readonly<Record<Binary, Presence>>, dockerfile: boolean): string {
  const known = facts?.healthcheck?.test;
  if (known && !usesMissing(known, binaries)) return `use ${showProbe(known, dockerfile)}`;
  return facts?.healthcheck?.note ?? 'use the exec form with a binary the image has';
}

/**
 * Whether the image is known to lack what a probe (compose `test` form) calls first; `strict`
 * (for writing a probe) also counts a shell not known to be there, and a probe that calls nothing.
 */
export function usesMissing(test: readonly string[], binaries: Readonly<Record<Binary, Presence>>, strict = false): boolean {
  if (test[0] === 'CMD-SHELL' && (strict ? binaries.sh !== 'yes' : binaries.sh === 'no')) return true;
  const first = test[0] === 'CMD' ? test[1] : test[1]?.trim().split(/\s+/)[0];
  if (!first) return strict;
  const binary = PROBE_BINARIES[first.slice(first.lastIndexOf('/') + 1)];
  return binary !== undefined && binaries[binary] === 'no';
}
