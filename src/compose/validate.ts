import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvLib } from '../source/lazy-libs.js';
import composeSchema from '../../schemas/compose.schema.json' with { type: 'json' };
import type { Span } from '../engine/types.js';
import quickValidate from './quick-validator.generated.js';
import { getPair, toJS } from './ynode.js';
import type { YMap, YNode, YPair } from './ynode.js';

/** One schema finding: a sentence without a trailing period, and where it belongs. */
export interface SchemaProblem {
  message: string;
  span: Span;
}

type Schema = Record<string, unknown>;
type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

const ROOT = composeSchema as unknown as Schema;

let detailed: ValidateFunction | undefined;

/**
 * Almost every file is valid, so the yes/no comes first from schemasafe, whose generated code
 * checks a Compose file three to four times faster than ajv's (generated ahead of time, see
 * quick-validator-source.ts); ajv, which collects every error with the failing subschema
 * (`verbose`, how errors are tied to anyOf branches and labels), runs only on files that fail.
 * test/compose/validate.test.ts holds the two to the same verdicts. ajv compiles once, on
 * first use; `inlineRefs: false` and no code optimisation halve the compile time without
 * slowing validation.
 */
function detailedValidator(): ValidateFunction {
  detailed ??= new (ajvLib().Ajv)({ allErrors: true, verbose: true, strictTypes: false, inlineRefs: false, validateSchema: false, code: { optimize: false }, keywords: ['errorMessage'] }).compile(ROOT);
  return detailed;
}

/** Both validators' verdict on plain data, for the test that keeps them in step. */
export function verdicts(data: unknown): { quick: boolean; detailed: boolean } {
  return { quick: quickValidate(data), detailed: detailedValidator()(data) };
}

/**
 * Validates one Compose file against schemas/compose.schema.json. Each mistake yields one
 * problem: unknown keys point at the key, wrong values at the value. Never throws.
 */
export function validateCompose(root: YMap): SchemaProblem[] {
  try {
    const data = toJS(root);
    if (quickValidate(data)) return [];
    const validate = detailedValidator();
    validate(data);
    return explain(root, data, validate.errors ?? []);
  } catch {
    // A validator bug must not take the file down with it; the other rules still run.
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// From ajv's error list to one problem per mistake

/** ajv's error, plus the message we build for synthesised "must be A or B" errors. */
interface Err {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  parentSchema: Schema | undefined;
  schema: unknown;
  text?: string;
}

function explain(root: YMap, data: unknown, errors: ErrorObject[]): SchemaProblem[] {
  const kept = pruneAlternatives(data, errors);
  const typed = new Set(kept.filter((e) => e.keyword === 'type' || e.text).map((e) => e.instancePath));
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    // A value of the wrong type also fails its enum or pattern: report the type alone.
    if ((e.keyword === 'enum' || e.keyword === 'pattern') && typed.has(e.instancePath)) continue;
    const p = toProblem(root, e);
    if (!p) continue;
    const id = `${p.span.start}:${p.span.end}:${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * Replaces each anyOf failure and the branch errors under it by what the value's own type
 * explains: the branch of that type (the schema's alternatives always differ by type), or
 * one "must be A, B or C" error when no branch takes that type.
 */
function pruneAlternatives(data: unknown, errors: ErrorObject[]): Err[] {
  const out: Err[] = [];
  for (const raw of errors) {
    const e = raw as unknown as Err;
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    // ajv reports a branch's errors just before the anyOf error itself.
    let k = out.length;
    while (k > 0 && within(out[k - 1]!.instancePath, e.instancePath)) k--;
    const branchErrs = out.splice(k);
    const branches = (Array.isArray(e.schema) ? e.schema : []) as Schema[];
    const type = jsonType(valueAt(data, e.instancePath));
    const matching = branches.filter((b) => accepts(deref(b), type));
    if (matching.length === 0) {
      out.push({ ...e, keyword: 'type', text: `must be ${joinOr(branches.map(label))}` });
      continue;
    }
    const chosen = pickBranch(matching, branchErrs, e.instancePath);
    const own = new Set<unknown>([chosen, deref(chosen)]);
    const kept = branchErrs.filter((b) => b.instancePath !== e.instancePath || own.has(b.parentSchema));
    const atValue = kept.filter((b) => b.instancePath === e.instancePath);
    if (branches.length > 1 && atValue.length > 0 && atValue.every((b) => b.keyword === 'enum')) {
      // `gpus: some` reads better as `must be "all" or a list of GPU requests` than as a one-word enum.
      out.push({ ...e, keyword: 'type', text: `must be ${joinOr(branches.map(label))}` });
      continue;
    }
    out.push(...kept);
  }
  return out;
}

/** Of several branches that take the value's type, the one with fewest errors of its own. */
function pickBranch(matching: Schema[], errs: Err[], at: string): Schema {
  if (matching.length === 1) return matching[0]!;
  let best = matching[0]!;
  let bestCount = Infinity;
  for (const b of matching) {
    const own = new Set<unknown>([b, deref(b)]);
    const count = errs.filter((x) => x.instancePath === at && own.has(x.parentSchema)).length;
    if (count < bestCount) [best, bestCount] = [b, count];
  }
  return best;
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

function deref(s: Schema): Schema {
  const ref = s.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return s;
  const defs = ROOT.definitions as Record<string, Schema>;
  return defs[ref.slice('#/definitions/'.length)] ?? s;
}

function typesOf(s: Schema): JsonType[] | undefined {
  const t = s.type;
  if (typeof t === 'string') return [t as JsonType];
  if (Array.isArray(t)) return t as JsonType[];
  return undefined;
}

function accepts(s: Schema, type: JsonType): boolean {
  const types = typesOf(s);
  if (!types) return true;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function jsonType(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

const TYPE_LABEL: Record<string, string> = {
  null: 'null',
  boolean: 'a boolean',
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
};

function label(s: Schema): string {
  const d = deref(s);
  const title = s.title ?? d.title;
  if (typeof title === 'string') return title;
  return joinOr((typesOf(d) ?? ['string']).map((t) => TYPE_LABEL[t] ?? t));
}

function joinOr(parts: string[]): string {
  const uniq = [...new Set(parts)];
  return uniq.length <= 1 ? (uniq[0] ?? '') : `${uniq.slice(0, -1).join(', ')} or ${uniq.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------
// Messages and positions

function toProblem(root: YMap, e: Err): SchemaProblem | undefined {
  const loc = locate(root, decodePointer(e.instancePath));
  if (!loc || loc.reset) return undefined;
  const { node, pair, path } = loc;
  const where = displayPath(path);
  const valueSpan = (): Span => (pair && node.span.start === node.span.end ? pair.keySpan : node.span);

  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const keyPair = getPair(node, key);
    const span = keyPair?.keySpan ?? valueSpan();
    const known = Object.keys((e.parentSchema?.properties as Schema | undefined) ?? {});
    if (known.length === 0) return { span, message: invalidName(key, path) };
    const hint = suggest(key, known);
    return { span, message: `Unknown key "${key}" ${context(path)}${hint ? ` (did you mean "${hint}"?)` : ''}` };
  }

  // The value is replaced wholesale or written through a variable: its type is not ours to judge.
  if (node.tag || interpolated(node)) {
    if (e.keyword !== 'required' && e.keyword !== 'uniqueItems') return undefined;
  }

  if (e.text) return { span: valueSpan(), message: `${where} ${e.text}` };
  switch (e.keyword) {
    case 'type': {
      const types = typesOf(e.parentSchema ?? {}) ?? String(e.params.type).split(',');
      return { span: valueSpan(), message: `${where} must be ${joinOr(types.map((t) => TYPE_LABEL[t] ?? t))}` };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String).join(', ');
      return { span: valueSpan(), message: `${where} must be one of: ${allowed}` };
    }
    case 'pattern': {
      const custom = e.parentSchema?.errorMessage;
      return { span: valueSpan(), message: `${where} ${typeof custom === 'string' ? custom : `must match ${String(e.params.pattern)}`}` };
    }
    case 'required': {
      const span = pair ? pair.keySpan : node.span;
      return { span, message: `${where} is missing the required key "${String(e.params.missingProperty)}"` };
    }
    case 'uniqueItems': {
      const i = Number(e.params.i);
      const j = Number(e.params.j);
      const [later, earlier] = i > j ? [i, j] : [j, i];
      const item = node.kind === 'seq' ? node.items[later] : undefined;
      return { span: item?.span ?? valueSpan(), message: `${displayPath([...path, later])} repeats ${displayPath([...path, earlier])}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = e.keyword.endsWith('inimum') ? 'at least' : 'at most';
      return { span: valueSpan(), message: `${where} must be ${bound} ${String(e.params.limit)}` };
    }
    default:
      return { span: valueSpan(), message: `${where} is not valid here (${e.keyword})` };
  }
}

interface Located {
  node: YNode;
  /** The pair whose value `node` is, for key spans. */
  pair?: YPair;
  /** Some node on the way is tagged `!reset`: whatever is below it is dropped by the merge. */
  reset: boolean;
  /** The steps taken: keys, and numbers for list indexes. */
  path: (string | number)[];
}

function locate(root: YMap, steps: string[]): Located | undefined {
  let node: YNode = root;
  let pair: YPair | undefined;
  let reset = root.tag === '!reset';
  const path: (string | number)[] = [];
  for (const step of steps) {
    if (node.kind === 'map') {
      pair = getPair(node, step);
      if (!pair) return undefined;
      node = pair.value;
      path.push(step);
    } else if (node.kind === 'seq') {
      const item: YNode | undefined = node.items[Number(step)];
      if (!item) return undefined;
      node = item;
      pair = undefined;
      path.push(Number(step));
    } else return undefined;
    if (node.tag === '!reset') reset = true;
  }
  return { node, pair, reset, path };
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const step of decodePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const VARIABLE = /\$(\{|[A-Za-z_])/;

function interpolated(node: YNode): boolean {
  if (node.kind !== 'scalar') return false;
  if (typeof node.raw === 'string' && VARIABLE.test(node.raw)) return true;
  return typeof node.value === 'string' && VARIABLE.test(node.value);
}

/** `services.api.ports[0]`, `services["my.api"].image`. */
function displayPath(path: (string | number)[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out || 'The file';
}

/** Sections whose keys are user-chosen names. */
const NAMED: Record<string, string> = {
  services: 'service',
  networks: 'network',
  volumes: 'volume',
  secrets: 'secret',
  configs: 'config',
  models: 'model',
};

function context(path: (string | number)[]): string {
  if (path.length === 0) return 'at the top level';
  const kind = path.length === 2 ? NAMED[String(path[0])] : undefined;
  return kind ? `in ${kind} "${String(path[1])}"` : `in ${displayPath(path)}`;
}

function invalidName(key: string, path: (string | number)[]): string {
  const kind = path.length === 1 ? NAMED[String(path[0])] : undefined;
  const what = kind ? `${kind} name` : `key in ${displayPath(path)}`;
  return `"${key}" is not a valid ${what}: use only letters, digits, ".", "_" and "-"`;
}

/** The closest known key, if it is close enough to be a typo. */
function suggest(key: string, known: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const k = norm(key);
  const limit = Math.max(1, Math.min(3, Math.floor(k.length / 3)));
  let best: string | undefined;
  let bestDist = limit + 1;
  for (const cand of known) {
    const d = distance(k, norm(cand));
    if (d < bestDist) [best, bestDist] = [cand, d];
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
