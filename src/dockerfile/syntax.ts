/**
 * The build-args-independent layer: instructions with their RUN scripts, exec/shell forms,
 * heredocs and COPY operands. Computed once per file; `stages.ts` resolves it per build args.
 */
import { mapArray } from '../arrays.js';
import type { SourceFile } from '../source/source-file.js';
import { SpanMaker } from './spans.js';
import { execOrShell, KEYWORDS, makeInstruction, parseMountOptions, type LineInstruction } from './instruction.js';
import { OffsetMap } from './offset-map.js';
import { scanDockerfile, type RawHeredoc, type RawInstruction } from './scan.js';
import type { CopyInstruction, DockerfileModel, DockerfileProblem, ExecOrShell, Heredoc, HealthcheckState, Instruction, RunInstruction } from './types.js';
import { parseJsonStrings, splitWords, unquote, type RawWord } from './words.js';

export type CopyDraft = Omit<CopyInstruction, 'from' | 'chown'> & { fromFlag?: string; chownFlag?: string };

export interface SyntaxItem extends LineInstruction {
  run?: RunInstruction;
  /** CMD / ENTRYPOINT. */
  command?: ExecOrShell;
  healthcheck?: HealthcheckState;
  copy?: CopyDraft;
  /** ONBUILD's trigger. */
  trigger?: SyntaxItem;
  /** FROM's words (escape of the file), cached by `stages.ts`. */
  words?: RawWord[];
}

export interface Syntax {
  file: SourceFile;
  directives: DockerfileModel['directives'];
  items: SyntaxItem[];
  problems: DockerfileProblem[];
}

export function parseSyntax(source: SourceFile): Syntax {
  const file = new SpanMaker(source);
  const scan = scanDockerfile(source.text, source.lineStarts);
  const problems: DockerfileProblem[] = mapArray(scan.problems, (p) => ({ message: p.message, span: file.span(p.start, p.end) }));
  const directives: DockerfileModel['directives'] = { escape: scan.escape };
  for (const d of scan.directives) if (d.name === 'syntax' || d.name === 'check') directives[d.name] = d.value;
  const items = mapArray(scan.instructions, (raw) => item(file, raw, scan.escape, problems));
  return { file: source, directives, items, problems };
}

function item(file: SpanMaker, raw: RawInstruction, escape: string, problems: DockerfileProblem[]): SyntaxItem {
  return detail(file, makeInstruction(file, raw.text, raw.map, raw.end), raw, escape, problems);
}

function detail(file: SpanMaker, line: LineInstruction, raw: RawInstruction | undefined, escape: string, problems: DockerfileProblem[]): SyntaxItem {
  const ins = line.instruction;
  const out: SyntaxItem = line;
  // Heredocs and the `problem` closure only for the instructions that use them.
  switch (ins.keyword) {
    case 'RUN':
      out.run = run(file, ins, raw, heredocsOf(file, raw));
      if (!ins.argsText) problems.push({ message: 'RUN needs a command', span: ins.keywordSpan });
      break;
    case 'CMD':
    case 'ENTRYPOINT':
      out.command = { ...execOrShell(file, ins), instruction: ins };
      break;
    case 'HEALTHCHECK':
      out.healthcheck = healthcheck(file, ins, escape, reporter(problems, ins));
      break;
    case 'COPY':
    case 'ADD':
      out.copy = copy(file, ins, heredocsOf(file, raw), escape, reporter(problems, ins));
      break;
    case 'ONBUILD': {
      const trigger = triggerOf(file, line, raw, escape, problems);
      if (trigger) out.trigger = trigger;
      else problems.push({ message: 'ONBUILD needs an instruction to trigger', span: ins.keywordSpan });
      break;
    }
    default:
      if (!KEYWORDS.has(ins.keyword)) problems.push({ message: `Unknown instruction ${ins.keyword}`, span: ins.keywordSpan });
  }
  return out;
}

function reporter(problems: DockerfileProblem[], ins: Instruction): (message: string, span?: Instruction['span']) => void {
  return (message, span = ins.keywordSpan) => problems.push({ message, span });
}

function heredocsOf(file: SpanMaker, raw: RawInstruction | undefined): Heredoc[] {
  return raw ? mapArray(raw.heredocs, (h) => heredoc(file, h)) : [];
}

function triggerOf(file: SpanMaker, line: LineInstruction, raw: RawInstruction | undefined, escape: string, problems: DockerfileProblem[]): SyntaxItem | undefined {
  const ins = line.instruction;
  if (!ins.argsText) return undefined;
  const map = line.map.slice(line.argsStart);
  // `ONBUILD RUN <<EOF`: the heredocs belong to the trigger.
  const shift = line.argsStart;
  const triggerRaw = raw && raw.heredocs.length > 0
    ? { ...raw, text: ins.argsText, map, heredocs: mapArray(raw.heredocs, (h) => ({ ...h, wordStart: h.wordStart - shift, wordEnd: h.wordEnd - shift })) }
    : undefined;
  const trigger = detail(file, makeInstruction(file, ins.argsText, map, ins.span.end), triggerRaw, escape, problems);
  const kw = trigger.instruction.keyword;
  if (kw === 'ONBUILD' || kw === 'FROM' || kw === 'MAINTAINER')
    problems.push({ message: `ONBUILD cannot trigger ${kw}`, span: trigger.instruction.keywordSpan });
  return trigger;
}

function heredoc(file: SpanMaker, h: RawHeredoc): Heredoc {
  const rawBody = file.file.text.slice(h.bodyStart, h.bodyEnd);
  return {
    delimiter: h.name,
    body: h.chomp ? rawBody.replace(/^\t+/gm, '') : rawBody,
    bodySpan: file.span(h.bodyStart, h.bodyEnd),
    chomp: h.chomp,
    expand: h.expand,
  };
}

function run(file: SpanMaker, ins: Instruction, raw: RawInstruction | undefined, heredocs: Heredoc[]): RunInstruction {
  const out = script(file, ins, raw) as RunInstruction;
  out.instruction = ins;
  out.mounts = [];
  out.heredocs = heredocs;
  const toFile = out.toFile;
  out.toFileRange = (s, e) => [toFile(s), e <= s ? toFile(s) : toFile(e, 'end')] as const;
  for (const f of ins.flags) {
    if (f.name === 'mount') {
      const options = parseMountOptions(f.value ?? '');
      out.mounts.push({ type: options.type ?? 'bind', options, span: f.span });
    } else if (f.name === 'network' && f.value !== undefined) out.network = f.value;
    else if (f.name === 'security' && f.value !== undefined) out.security = f.value;
  }
  return out;
}

/** The RUN's form, argv or script, and the script's map to the file. */
function script(file: SpanMaker, ins: Instruction, raw: RawInstruction | undefined): Pick<RunInstruction, 'form' | 'argv' | 'argvSpans' | 'script' | 'shebang' | 'toFile'> {
  const hs = raw?.heredocs ?? [];
  if (hs.length === 0) return execOrShell(file, ins);
  const text = file.file.text;
  const argsStart = raw!.text.length - ins.argsText.length;
  if (hs.length === 1 && hs[0]!.wordStart === argsStart && hs[0]!.wordEnd === raw!.text.length) {
    // BuildKit runs a lone heredoc's body as the script (or with its #! interpreter).
    const h = hs[0]!;
    const body = text.slice(h.bodyStart, h.bodyEnd);
    const toFile = (o: number) => h.bodyStart + Math.max(0, Math.min(o, body.length));
    if (!body.startsWith('#!')) return { form: 'shell', script: body, toFile };
    return { form: 'shell', script: body, shebang: body.slice(0, body.search(/\r?\n|$/)), toFile };
  }
  // Otherwise the shell gets the command line, a line break, then the bodies and terminators.
  const first = hs[0]!;
  const rawLine = raw!;
  const tail = new OffsetMap(rawLine.lineEnd);
  tail.push(rawLine.lineEnd, 1);
  tail.push(first.bodyStart, rawLine.end - first.bodyStart);
  const full = rawLine.map.slice(argsStart).concat(tail);
  return { form: 'shell', script: `${ins.argsText}\n${text.slice(first.bodyStart, rawLine.end)}`, toFile: (o, side) => full.toFile(o, side) };
}

function healthcheck(file: SpanMaker, ins: Instruction, escape: string, problem: (m: string, s?: Instruction['span']) => void): HealthcheckState | undefined {
  const words = splitWords(ins.argsText, escape);
  const sub = words[0] ? unquote(words[0].raw, escape).toUpperCase() : '';
  if (sub === 'NONE') {
    if (words.length > 1) problem('HEALTHCHECK NONE takes no arguments');
    return { kind: 'none', instruction: ins };
  }
  if (sub !== 'CMD') {
    problem('HEALTHCHECK needs CMD <command> or NONE');
    return undefined;
  }
  const from = words[1]?.start ?? ins.argsText.length;
  if (from >= ins.argsText.length) problem('HEALTHCHECK CMD needs a command');
  const options: Record<string, string> = {};
  for (const f of ins.flags) options[f.name] = f.value ?? '';
  return { kind: 'cmd', ...execOrShell(file, ins, from), options, instruction: ins };
}

function copy(file: SpanMaker, ins: Instruction, heredocs: Heredoc[], escape: string, problem: (m: string) => void): CopyDraft | undefined {
  const keyword = ins.keyword as 'COPY' | 'ADD';
  const span = (s: number, e: number) => file.span(ins.argsToFile(s), ins.argsToFile(e, 'end'));
  const json = ins.argsText.startsWith('[') && heredocs.length === 0 ? parseJsonStrings(ins.argsText) : undefined;
  const operands = json
    ? mapArray(json.values, (text, i) => ({ text, span: span(json.ranges[i]![0], json.ranges[i]![1]) }))
    : mapArray(splitWords(ins.argsText, escape), (w) => ({ text: unquote(w.raw, escape), span: span(w.start, w.end) }));
  if (operands.length < 2 && heredocs.length === 0) {
    problem(`${keyword} needs a source and a destination`);
    return undefined;
  }
  const dest = operands.length >= 2 || heredocs.length === 0 ? operands.pop()! : undefined;
  if (!dest) {
    problem(`${keyword} needs a destination`);
    return undefined;
  }
  const out: CopyDraft = { instruction: ins, keyword, sources: operands, dest, heredocs };
  if (ins.flags.length === 0) return out;
  const flag = (name: string) => ins.flags.find((f) => f.name === name);
  const link = flag('link');
  const set = <K extends 'fromFlag' | 'chownFlag' | 'chmod' | 'checksum'>(key: K, name: string) => {
    const v = flag(name)?.value;
    if (v !== undefined) out[key] = v;
  };
  set('fromFlag', 'from');
  set('chownFlag', 'chown');
  set('chmod', 'chmod');
  set('checksum', 'checksum');
  if (link) out.link = link.value === undefined || link.value === 'true';
  return out;
}
