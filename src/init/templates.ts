import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * Templates are data files read at run time, not bundled: they sit under src/init/templates in
 * the package (listed in package.json "files"), found from the package root so the same path
 * works from src/ under the tests and from dist/bundle/ in the CLI.
 */
export const TEMPLATES_DIR = join(packageRoot, 'src', 'init', 'templates');

export interface TemplateOption {
  description: string;
  values: string[];
  default: string;
}

export interface Template {
  name: string;
  description: string;
  options: Record<string, TemplateOption>;
  /** The folder whose tree is rendered (`<template>/files`). */
  filesDir: string;
}

/** Option names and values: lowercase words, `-` allowed. */
const WORD = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Every template folder with a template.json, by name. */
export function listTemplates(dir: string = TEMPLATES_DIR): Template[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'template.json')))
    .sort()
    .map((name) => loadTemplate(name, dir));
}

export function loadTemplate(name: string, dir: string = TEMPLATES_DIR): Template {
  const file = join(dir, name, 'template.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TemplateError(`template ${name}: cannot read template.json: ${(e as Error).message}`);
  }
  const t = raw as { description?: unknown; options?: Record<string, Partial<TemplateOption>> };
  if (typeof t.description !== 'string') throw new TemplateError(`template ${name}: template.json needs a "description"`);
  const options: Record<string, TemplateOption> = {};
  for (const [opt, o] of Object.entries(t.options ?? {})) {
    const values = o.values;
    if (!WORD.test(opt) || !Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string' && WORD.test(v))) {
      throw new TemplateError(`template ${name}: option "${opt}" needs lowercase "values"`);
    }
    if (typeof o.default !== 'string' || !values.includes(o.default)) throw new TemplateError(`template ${name}: option "${opt}" has a default that is not one of its values`);
    options[opt] = { description: typeof o.description === 'string' ? o.description : '', values, default: o.default };
  }
  return { name, description: t.description, options, filesDir: join(dir, name, 'files') };
}

/** Every combination of option values, defaults first: what the tests render. */
export function optionCombinations(template: Template): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const [opt, o] of Object.entries(template.options)) {
    const ordered = [o.default, ...o.values.filter((v) => v !== o.default)];
    combos = combos.flatMap((c) => ordered.map((v) => ({ ...c, [opt]: v })));
  }
  return combos;
}
