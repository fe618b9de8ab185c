import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Budgets, type ResolvedBudget } from '../budget/budgets.js';
import { mapHistory, type MappedLayer } from '../budget/map-history.js';
import { budgetDiagnostics, budgetReport, formatTable, overBudget, RULE_ID } from '../budget/measure/report.js';
import { measureSource, type Measured } from '../budget/measure/source.js';
import { SourceError } from '../budget/measure/types.js';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../discover/discover.js';
import { stageChain } from '../dockerfile/chain.js';
import { parseDockerfile, targetStage } from '../dockerfile/index.js';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/types.js';
import type { Diagnostic } from '../engine/types.js';
import { packageVersion } from '../package-root.js';
import { defaultDockerConfigPath } from '../registry/index.js';
import type { FormatContext } from '../report/format.js';
import { displayPath } from '../source/display-path.js';
import { SourceFile } from '../source/source-file.js';
import type { Io } from './main.js';

const FORMATS = ['table', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

const KIND_NAMES: Record<Measured['kind'], string> = {
  'oci-layout': 'OCI image layout',
  'docker-archive': 'docker save tarball',
  'docker-history': 'docker history',
  registry: 'registry',
};

interface Target {
  file: SourceFile;
  model: DockerfileModel;
  stage: Stage;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function readDockerfile(path: string, target: string | undefined, cwd: string): Target {
  const abs = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the Dockerfile ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const shown = displayPath(cwd, abs);
  const file = new SourceFile(shown.startsWith('..') ? abs : shown, text, abs);
  const model = parseDockerfile(file);
  const stage = targetStage(model, target);
  if (!stage) {
    const names = model.stages.map((s) => s.name).filter(Boolean);
    throw new UsageError(target === undefined ? `${path} has no FROM` : `${path} has no stage "${target}"${names.length ? ` (stages: ${names.join(', ')})` : ''}`);
  }
  return { file, model, stage };
}

/**
 * `ragcheck budget <image-source>…`: measures each image's layers, maps them to the
 * Dockerfile's instructions and checks them against the config's budgets.
 * Exit 1 when a budget is broken, 2 for bad usage or an unreadable source.
 */
export async function budgetCommand(args: string[], io: Io, stdin: () => Promise<string> = readStdin): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      dockerfile: { type: 'string' },
      target: { type: 'string' },
      service: { type: 'string' },
      platform: { type: 'string' },
      format: { type: 'string', short: 'f' },
      config: { type: 'string', short: 'c' },
      'insecure-registry': { type: 'string', multiple: true },
      'no-color': { type: 'boolean' },
    },
  });
  const format = (values.format ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" for budget (expected one of: ${FORMATS.join(', ')})`);
  if (!positionals.length) throw new UsageError('budget needs an image source: an OCI layout directory, a docker save tarball, docker history JSON lines (- for stdin) or registry://host/name:tag');
  if (format !== 'table' && values.dockerfile === undefined) throw new UsageError(`--format ${format} reports findings on Dockerfile lines: give the Dockerfile with --dockerfile`);
  if (values.target !== undefined && values.dockerfile === undefined) throw new UsageError('--target needs --dockerfile');

  const target = values.dockerfile === undefined ? undefined : readDockerfile(values.dockerfile, values.target, io.cwd);
  const budgets = Budgets.fromConfig(await loadConfig(io.cwd, values.config));
  const budget: ResolvedBudget = budgets.for({
    ...(values.service !== undefined && { service: values.service }),
    ...(target && { dockerfile: target.file.absPath }),
    ...(target?.stage.name !== undefined && { stage: target.stage.name }),
  });

  const tables: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let failed = false;
  for (const source of positionals) {
    let measured: Measured;
    try {
      measured = await measureSource(source, {
        ...(values.platform !== undefined && { platform: values.platform }),
        insecureRegistries: values['insecure-registry'] ?? [],
        cwd: io.cwd,
        env: io.env,
        dockerConfigPath: defaultDockerConfigPath(io.env),
        stdin,
      });
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      io.stderr(`ragcheck: ${e.message}\n`);
      return 2;
    }
    const layers: MappedLayer[] = target ? mapHistory(measured.layers, target.model, target.stage) : measured.layers.map((l) => ({ ...l, base: false }));
    if (target && measured.layers.some((l) => !l.emptyLayer) && !layers.some((l) => l.instruction)) {
      io.stderr(`ragcheck: warning: the history of ${source} matches no instruction of ${target.file.path}; is it the image built from it?\n`);
    }
    const from = target ? firstOfChain(target) : undefined;
    const report = budgetReport(layers, budget, from);
    failed ||= overBudget(report);
    if (format === 'table') tables.push(formatTable(`${source} (${KIND_NAMES[measured.kind]})`, report, target?.file));
    else diagnostics.push(...budgetDiagnostics(report, target!.file, source));
  }

  if (format === 'table') io.stdout(tables.join('\n'));
  else io.stdout(await render(format, diagnostics, target!.file));
  return failed ? 1 : 0;
}

/** The FROM that names the base image: that of the first stage of the target's chain. */
function firstOfChain(target: Target): Instruction {
  return stageChain(target.model, target.stage)[0]!.from;
}

async function render(format: Exclude<Format, 'table'>, diagnostics: Diagnostic[], file: SourceFile): Promise<string> {
  const [{ FORMATTERS }, { default: rule }] = await Promise.all([import('../report/formatters.js'), import('../../rules/dockerfile/layer-budget.js')]);
  const ctx: FormatContext = {
    files: 1,
    sources: new Map([[file.path, file]]),
    rules: new Map([[RULE_ID, rule.meta]]),
    version: packageVersion(),
  };
  return FORMATTERS[format](diagnostics, ctx);
}
