import type { Ajv, ValidateFunction } from 'ajv';
import { ajvLib } from '../source/lazy-libs.js';
import type { RuleMeta, Severity } from '../engine/types.js';
import { describeAjvError, dottedPath, firstError } from './ajv-message.js';
import type { ConfigPath } from './config-source.js';
import { didYouMean } from './did-you-mean.js';
import { ConfigError } from './load-config.js';
import type { LoadedConfig } from './load-config.js';

export interface RuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

const SEVERITIES: ReadonlyArray<Severity | 'off'> = ['off', 'info', 'warning', 'error'];


/**
 * Each rule's effective severity and options. Presets: `recommended` runs every rule at its
 * `meta.severity` (opt-in rules off); `strict` turns every rule on and raises warnings to
 * errors (info stays info: hints never fail a build). Config settings then override, in the
 * ESLint forms `off | info | warning | error`, `[severity]`, `[severity, {options}]` or
 * `{options}` (keeps the preset's severity). Options are merged over `meta.defaultOptions`
 * and validated against `meta.options`.
 */
export function resolveRuleSettings(loaded: LoadedConfig, metas: RuleMeta[]): Map<string, RuleSetting> {
  const strict = loaded.config.extends === 'strict';
  const byId = new Map(metas.map((m) => [m.id, m]));
  const settings = new Map<string, RuleSetting>();
  for (const meta of metas) {
    settings.set(meta.id, { severity: presetSeverity(meta, strict), options: { ...meta.defaultOptions } });
  }

  for (const [id, raw] of Object.entries(loaded.config.rules ?? {})) {
    const meta = byId.get(id);
    if (!meta) throw ConfigError.at(loaded, ['rules', id], 'key', `Unknown rule "${id}"${didYouMean(id, byId.keys())}`);
    const parsed = parseSetting(loaded, id, raw);
    const current = settings.get(id)!;
    const options = { ...meta.defaultOptions, ...parsed.options };
    if (parsed.options !== undefined) checkOptions(loaded, meta, options, parsed.optionsPath!);
    if (parsed.severity === 'off' && meta.alwaysOn) {
      throw ConfigError.at(loaded, ['rules', id], 'value', `Rule "${id}" is always on; set it to warning or info instead`);
    }
    settings.set(id, { severity: parsed.severity ?? current.severity, options });
  }
  return settings;
}

/**
 * Settings a command imposes over the config's (`fix --pin-digests` asks pinned-image-tag for
 * every image without a digest): the options win, and a rule that is off runs at its default
 * severity.
 */
export function withRuleOptions(settings: Map<string, RuleSetting>, overrides: Readonly<Record<string, Record<string, unknown>>>, metas: readonly RuleMeta[]): Map<string, RuleSetting> {
  for (const [id, options] of Object.entries(overrides)) {
    const meta = metas.find((m) => m.id === id);
    const current = settings.get(id);
    if (!meta || !current) continue;
    settings.set(id, { severity: current.severity === 'off' ? meta.severity : current.severity, options: { ...current.options, ...options } });
  }
  return settings;
}

function presetSeverity(meta: RuleMeta, strict: boolean): Severity | 'off' {
  if (strict) return meta.severity === 'warning' ? 'error' : meta.severity;
  return meta.recommended === false ? 'off' : meta.severity;
}

interface ParsedSetting {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
  optionsPath?: ConfigPath;
}

/** The config schema already checked the shape when the file was loaded; configs built in code are checked here too. */
function parseSetting(loaded: LoadedConfig, id: string, raw: unknown): ParsedSetting {
  const at: ConfigPath = ['rules', id];
  const severity = (value: unknown, where: ConfigPath): Severity | 'off' => {
    if (typeof value === 'string' && (SEVERITIES as string[]).includes(value)) return value as Severity | 'off';
    const hint = typeof value === 'string' ? didYouMean(value, SEVERITIES) : '';
    throw ConfigError.at(loaded, where, 'value', `Severity of rule "${id}" must be one of ${SEVERITIES.join(', ')}${hint}`);
  };
  if (typeof raw === 'string') return { severity: severity(raw, at) };
  if (isPlainObject(raw)) return { options: raw, optionsPath: at };
  if (Array.isArray(raw) && raw.length >= 1 && raw.length <= 2) {
    const parsed: ParsedSetting = { severity: severity(raw[0], [...at, 0]) };
    if (raw.length === 2) {
      if (!isPlainObject(raw[1])) throw ConfigError.at(loaded, [...at, 1], 'value', `Options of rule "${id}" must be a mapping`);
      parsed.options = raw[1];
      parsed.optionsPath = [...at, 1];
    }
    return parsed;
  }
  throw ConfigError.at(loaded, at, 'value', `Setting of rule "${id}" must be a severity, [severity], [severity, options] or an options mapping`);
}

function checkOptions(loaded: LoadedConfig, meta: RuleMeta, options: Record<string, unknown>, optionsPath: ConfigPath): void {
  if (!meta.options) {
    if (Object.keys(options).length === 0) return;
    throw ConfigError.at(loaded, optionsPath, 'value', `Rule "${meta.id}" takes no options`);
  }
  const validate = validatorFor(meta);
  if (validate(options)) return;
  const err = firstError(validate.errors)!;
  const d = describeAjvError(err, (p) => (p.length === 0 ? `options of rule "${meta.id}"` : `option "${dottedPath(p)}" of rule "${meta.id}"`));
  throw ConfigError.at(loaded, [...optionsPath, ...d.path], d.part, d.message);
}

let ajv: Ajv | undefined;
/** Keyed by the schema object: rules are loaded once, so their schemas compile once. */
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(meta: RuleMeta): ValidateFunction {
  const schema = meta.options!;
  let v = validators.get(schema);
  if (!v) {
    try {
      v = (ajv ??= new (ajvLib().Ajv)({ allErrors: false, verbose: true, strict: false })).compile(schema);
    } catch (e) {
      // A broken rule schema is a bug in the rule, not in the user's config.
      throw new Error(`Rule "${meta.id}" has an invalid options schema: ${(e as Error).message}`);
    }
    validators.set(schema, v);
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
