import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, parseConfig } from '../../src/config/load-config.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { RuleMeta } from '../../src/engine/types.js';
import { allRules } from '../../rules/index.js';

const METAS: RuleMeta[] = [
  {
    id: 'pinned-image-tag',
    category: 'images',
    summary: 'Images are pinned',
    severity: 'error',
    options: { type: 'object', additionalProperties: false, properties: { require: { enum: ['tag', 'digest'] } } },
    defaultOptions: { require: 'tag' },
  },
  {
    id: 'no-source-bind-mount',
    category: 'mounts',
    summary: 'No source binds',
    severity: 'warning',
    environments: ['prod'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { type: 'array', items: { type: 'string' } }, readOnlyOnly: { type: 'boolean' } },
    },
    defaultOptions: { allow: [], readOnlyOnly: true },
  },
  { id: 'no-version-field', category: 'ops', summary: 'No version', severity: 'info' },
  { id: 'pinned-digest', category: 'images', summary: 'Digests', severity: 'warning', recommended: false } as RuleMeta,
];

const load = (text: string) => parseConfig(text, '/p/.ragcheck.yaml', '.ragcheck.yaml');
const settings = (text: string) => Object.fromEntries(resolveRuleSettings(load(text), METAS));

function errorOf(text: string): string {
  try {
    resolveRuleSettings(load(text), METAS);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveRuleSettings: presets', () => {
  it('recommended: each rule at its own severity, opt-in rules off, default options', () => {
    expect(settings('')).toEqual({
      'pinned-image-tag': { severity: 'error', options: { require: 'tag' } },
      'no-source-bind-mount': { severity: 'warning', options: { allow: [], readOnlyOnly: true } },
      'no-version-field': { severity: 'info', options: {} },
      'pinned-digest': { severity: 'off', options: {} },
    });
  });

  it('strict: every rule on, warnings raised to errors, info kept', () => {
    const s = settings('extends: strict\n');
    expect(Object.fromEntries(Object.entries(s).map(([id, v]) => [id, v.severity]))).toEqual({
      'pinned-image-tag': 'error',
      'no-source-bind-mount': 'error',
      'no-version-field': 'info',
      'pinned-digest': 'error',
    });
  });
});

describe('resolveRuleSettings: setting forms', () => {
  it('accepts a severity, [severity], [severity, options] and options alone', () => {
    const s = settings(
      [
        'rules:',
        '  pinned-image-tag: [warning, { require: digest }]',
        '  no-source-bind-mount: { allow: ["./config/*.conf:ro"] }',
        '  no-version-field: off',
        '  pinned-digest: [error]',
      ].join('\n'),
    );
    expect(s['pinned-image-tag']).toEqual({ severity: 'warning', options: { require: 'digest' } });
    // Options alone keep the preset's severity; unset options keep their defaults.
    expect(s['no-source-bind-mount']).toEqual({ severity: 'warning', options: { allow: ['./config/*.conf:ro'], readOnlyOnly: true } });
    expect(s['no-version-field']).toEqual({ severity: 'off', options: {} });
    expect(s['pinned-digest']).toEqual({ severity: 'error', options: {} });
  });

  it('keeps strict severities for options-only settings', () => {
    expect(settings('extends: strict\nrules:\n  no-source-bind-mount: { allow: [] }\n')['no-source-bind-mount']!.severity).toBe('error');
  });

  it('works on a config built in code, without positions', () => {
    const config = { ...defaultConfig(), rules: { 'pinned-image-tag': 'warning', 'no-such-rule': 'off' } };
    expect(() => resolveRuleSettings({ config, dir: '/p' }, METAS)).toThrow(new ConfigError('Unknown rule "no-such-rule"'));
    const ok = { ...defaultConfig(), rules: { 'pinned-image-tag': 'warning' } };
    expect(resolveRuleSettings({ config: ok, dir: '/p' }, METAS).get('pinned-image-tag')!.severity).toBe('warning');
  });
});

describe('resolveRuleSettings: errors', () => {
  it('points at an unknown rule id and suggests the right one', () => {
    expect(errorOf('rules:\n  no-version-field: off\n  pinned-image-tags: error\n')).toBe(
      '.ragcheck.yaml:3:3: Unknown rule "pinned-image-tags"; did you mean "pinned-image-tag"?',
    );
    expect(errorOf('rules:\n  something-else: off\n')).toBe('.ragcheck.yaml:2:3: Unknown rule "something-else"');
  });

  it('points at a bad option value', () => {
    expect(errorOf('rules:\n  pinned-image-tag: [error, { require: digests }]\n')).toBe(
      '.ragcheck.yaml:2:40: Option "require" of rule "pinned-image-tag" must be one of tag, digest; did you mean "digest"?',
    );
    expect(errorOf('rules:\n  no-source-bind-mount:\n    allow:\n      - ok\n      - 42\n')).toBe(
      '.ragcheck.yaml:5:9: Option "allow[1]" of rule "no-source-bind-mount" must be a string',
    );
  });

  it('points at an unknown option key', () => {
    expect(errorOf('rules:\n  no-source-bind-mount:\n    alow: [x]\n')).toBe(
      '.ragcheck.yaml:3:5: Unknown key "alow" in options of rule "no-source-bind-mount"; did you mean "allow"?',
    );
  });

  it('rejects options for a rule that takes none', () => {
    expect(errorOf('rules:\n  no-version-field: [error, { strict: true }]\n')).toBe('.ragcheck.yaml:2:29: Rule "no-version-field" takes no options');
  });
});

describe('always-on rules', () => {
  it('refuses to turn compose-schema off, at the setting', () => {
    const loaded = parseConfig('rules:\n  compose-schema: off\n', '/p/.ragcheck.yaml', '.ragcheck.yaml');
    expect(() => resolveRuleSettings(loaded, allRules.map((r) => r.meta))).toThrow('.ragcheck.yaml:2:19: Rule "compose-schema" is always on; set it to warning or info instead');
  });
});
