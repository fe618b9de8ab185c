import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint } from '../../src/engine/lint.js';
import type { Diagnostic } from '../../src/engine/types.js';

export interface LintFilesOptions {
  /** Force every stack's environment (`--environment`). */
  environment?: string;
  /** Keep only these rules' findings. */
  rules?: string[];
  /** Paths to lint, relative to the folder (default `.`). */
  paths?: string[];
  /** Rule id → options (`lintFiles` only): written to a `.ragcheck.yaml`, so they go through config loading and validation. */
  options?: Record<string, Record<string, unknown>>;
  /** A whole `.ragcheck.yaml` (`lintFiles` only); with `options`, the options win. */
  config?: Record<string, unknown>;
}

/** Writes `files` to a fresh folder and lints it through the whole pipeline. */
export async function lintFiles(files: Record<string, string>, opts: LintFilesOptions = {}): Promise<Diagnostic[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-test-'));
  // JSON is valid YAML.
  const settings = { ...opts.config, ...(opts.options && { rules: opts.options }) };
  const config = Object.keys(settings).length ? { '.ragcheck.yaml': JSON.stringify(settings) } : {};
  try {
    for (const [name, text] of Object.entries({ ...files, ...config })) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return await lintDir(dir, opts);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function lintDir(dir: string, opts: LintFilesOptions = {}): Promise<Diagnostic[]> {
  const { diagnostics } = await lint({ cwd: dir, paths: opts.paths ?? ['.'], environment: opts.environment });
  return opts.rules ? diagnostics.filter((d) => opts.rules!.includes(d.ruleId)) : diagnostics;
}

/** The position fields tests assert on. */
export function at(d: Diagnostic) {
  return { ruleId: d.ruleId, file: d.span.file, ...pos(d) };
}

export function pos(d: Diagnostic) {
  const { line, column, endLine, endColumn } = d.span;
  return { line, column, endLine, endColumn };
}
