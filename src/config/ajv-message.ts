import type { ErrorObject } from 'ajv';
import { didYouMean } from './did-you-mean.js';
import type { ConfigPath } from './config-source.js';

export interface DescribedError {
  /** Path of the offending key or value inside the validated data. */
  path: ConfigPath;
  part: 'key' | 'value';
  message: string;
}

/** Names a place in the data for a message: `stacks.prod.files[0]`. */
export type SubjectNamer = (path: ConfigPath) => string;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

/**
 * The one error worth showing. ajv reports an `if` keyword beside the branch that failed; the
 * branch says what is wrong, so `if` entries are dropped.
 */
export function firstError(errors: ErrorObject[] | null | undefined): ErrorObject | undefined {
  return errors?.find((e) => e.keyword !== 'if') ?? errors?.[0];
}

export function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** Turns an ajv error (from a validator compiled with `verbose: true`) into a message and place. */
export function describeAjvError(err: ErrorObject, subject: SubjectNamer): DescribedError {
  const path = pointerToPath(err.instancePath);
  const what = subject(path);
  const params = err.params as Record<string, unknown>;
  const parent = (err.parentSchema ?? {}) as Record<string, unknown>;
  if (err.propertyName !== undefined) {
    // Raised under `propertyNames`: the key itself is wrong.
    const description = typeof parent.description === 'string' ? parent.description : 'a valid name';
    return { path: [...path, err.propertyName], part: 'key', message: `Key "${err.propertyName}" in ${what} must be ${description}` };
  }
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      return { path: [...path, key], part: 'key', message: `Unknown key "${key}" in ${what}${didYouMean(key, known)}` };
    }
    case 'required':
      return { path, part: 'value', message: `${capitalize(what)} is missing "${String(params.missingProperty)}"` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof err.data === 'string' ? didYouMean(err.data, allowed) : '';
      return { path, part: 'value', message: `${capitalize(what)} must be one of ${allowed.join(', ')}${hint}` };
    }
    case 'type': {
      const types = (Array.isArray(params.type) ? params.type : String(params.type).split(',')) as string[];
      const names = types.map((t) => TYPE_NAMES[t] ?? t);
      return { path, part: 'value', message: `${capitalize(what)} must be ${names.join(' or ')}` };
    }
    case 'minItems':
    case 'maxItems':
    case 'additionalItems': {
      const n = Number(params.limit);
      const bound = err.keyword === 'minItems' ? 'at least' : 'at most';
      return { path, part: 'value', message: `${capitalize(what)} must have ${bound} ${n} ${n === 1 ? 'item' : 'items'}` };
    }
    case 'minLength':
    case 'minProperties':
      return { path, part: 'value', message: `${capitalize(what)} must not be empty` };
    case 'pattern':
    case 'format': {
      const description = typeof parent.description === 'string' ? parent.description : `matching ${String(params.pattern ?? params.format)}`;
      return { path, part: 'value', message: `${capitalize(what)} must be ${description}` };
    }
    default:
      return { path, part: 'value', message: `${capitalize(what)} ${err.message ?? 'is not valid'}` };
  }
}

/** `stacks.prod.files[0]`, quoting keys that are not plain words (`budgets["services.api"]`). */
export function dottedPath(path: ConfigPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\w-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Prose subjects ("the config") start a sentence capitalised; paths (`rules.x`) stay as written. */
function capitalize(s: string): string {
  return /^[a-z]+ /.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
