import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Mustache from 'mustache';
import { TemplateError, type Template } from './templates.js';

export interface RenderedFile {
  /** Relative to the output folder, with `/` separators. */
  path: string;
  text: string;
}

/** yes/no options are booleans; others are the value plus a `<option>_<value>` flag for sections. */
export function viewFor(template: Template, chosen: Readonly<Record<string, string>>): Record<string, string | boolean> {
  const view: Record<string, string | boolean> = {};
  for (const [opt, o] of Object.entries(template.options)) {
    const value = chosen[opt] ?? o.default;
    const key = opt.replaceAll('-', '_');
    if (isYesNo(o.values)) {
      view[key] = value === 'yes';
    } else {
      view[key] = value;
      view[`${key}_${value.replaceAll('-', '_')}`] = true;
    }
  }
  return view;
}

function isYesNo(values: readonly string[]): boolean {
  return values.length === 2 && values.includes('yes') && values.includes('no');
}

/** Checks option names and values against the template; returns every option's value. */
export function resolveOptions(template: Template, given: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [opt, value] of Object.entries(given)) {
    const o = template.options[opt];
    const names = Object.keys(template.options);
    if (!o) throw new TemplateError(`template ${template.name} has no option --${opt}${names.length ? ` (options: ${names.map((n) => `--${n}`).join(', ')})` : ' (it takes no options)'}`);
    if (!o.values.includes(value)) throw new TemplateError(`--${opt} must be one of ${o.values.join(', ')}, not "${value}"`);
  }
  for (const [opt, o] of Object.entries(template.options)) out[opt] = given[opt] ?? o.default;
  return out;
}

/**
 * Renders every file of the template with mustache (no HTML escaping: these are config files).
 * A file that renders to whitespace only is left out: that is how a template makes a file optional.
 * `{{> name}}` includes `<template>/partials/name`, for text more than one place needs.
 */
export function renderTemplate(template: Template, chosen: Readonly<Record<string, string>>): RenderedFile[] {
  const view = viewFor(template, resolveOptions(template, chosen));
  const partial = (name: string): string => readFileSync(join(template.filesDir, '..', 'partials', name), 'utf8');
  const out: RenderedFile[] = [];
  for (const file of walk(template.filesDir)) {
    const text = Mustache.render(readFileSync(file, 'utf8'), view, partial, { escape: (s: string) => s });
    if (text.trim() === '') continue;
    out.push({ path: relative(template.filesDir, file).split(sep).join('/'), text });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}
