/** The action's inputs, read as the runner passes them: `INPUT_<NAME>` environment variables. */

const FAIL_ON = ['error', 'warning', 'never'] as const;
const REPORTERS = ['annotations', 'check', 'review'] as const;
/** reviewdog's names, so people moving from it keep their settings. */
const FILTERS = ['added', 'diff-context', 'file', 'nofilter'] as const;

export type FailOn = (typeof FAIL_ON)[number];
export type Reporter = (typeof REPORTERS)[number];
export type Filter = (typeof FILTERS)[number];

export interface ActionInputs {
  paths: string[];
  config?: string;
  environment?: string;
  failOn: FailOn;
  reporter: Reporter;
  filter: Filter;
  suggestFixes: boolean;
  sarifFile?: string;
  token: string;
}

/** A bad input: reported as a workflow error, exit 2 like the CLI's usage errors. */
export class InputError extends Error {}

export type Env = Readonly<Record<string, string | undefined>>;

/** The runner upper-cases the name and turns spaces into `_`; hyphens stay. */
export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function choice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = input(env, name) || fallback;
  if (!(choices as readonly string[]).includes(value)) throw new InputError(`input ${name} is "${value}" (expected one of: ${choices.join(', ')})`);
  return value as T;
}

/** YAML 1.2's booleans, as `core.getBooleanInput` takes them. */
const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = input(env, name);
  if (value === '') return fallback;
  const b = BOOLEANS[value];
  if (b === undefined) throw new InputError(`input ${name} is "${value}" (expected true or false)`);
  return b;
}

const optional = (v: string): string | undefined => v || undefined;

export function readInputs(env: Env): ActionInputs {
  const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
  return {
    paths: paths.length ? paths : ['.'],
    config: optional(input(env, 'config')),
    environment: optional(input(env, 'environment')),
    failOn: choice(env, 'fail-on', FAIL_ON, 'error'),
    reporter: choice(env, 'reporter', REPORTERS, 'annotations'),
    filter: choice(env, 'filter', FILTERS, 'added'),
    suggestFixes: flag(env, 'suggest-fixes', true),
    sarifFile: optional(input(env, 'sarif-file')),
    token: input(env, 'github-token'),
  };
}
