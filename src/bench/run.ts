/**
 * `npm run bench`: generate the corpus, then time whole processes over it — ragcheck, a bare
 * parse of the same files (the floor: compose files with `yaml`, Dockerfiles with
 * dockerfile-ast), the bare `yaml` parse of the compose files alone, and dclint (the closest
 * peer) — and print files/s, peak memory and the ratios the project targets.
 *
 * Options: --stacks N (1000)  --runs N (5)  --dclint auto|full|subset|skip (auto)
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';
import { findDockerfiles, findYamlFiles } from './bare-parse.js';
import { ensureCorpus } from './corpus.js';
import { Runner } from './measure.js';
import type { Command, Sample } from './measure.js';
import { formatTable, pairedRatio, perFileRatio, round, toRow } from './report.js';
import type { Ratio, Row } from './report.js';

const SEED = 20_240_611;
const GROUP_SIZE = 100;
/** dclint runs over the whole corpus only when that fits in this many seconds (it takes 120–190 s here). */
const DCLINT_FULL_BUDGET_S = 300;

interface Options {
  stacks: number;
  runs: number;
  dclint: 'auto' | 'full' | 'subset' | 'skip';
}

const DCLINT_MODES: readonly Options['dclint'][] = ['auto', 'full', 'subset', 'skip'];

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { stacks: 1000, runs: 5, dclint: 'auto' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value = ''] = [argv[i], argv[i + 1]];
    if (flag === '--stacks') o.stacks = Number(value);
    else if (flag === '--runs') o.runs = Number(value);
    else if (flag === '--dclint' && DCLINT_MODES.includes(value as Options['dclint'])) o.dclint = value as Options['dclint'];
    else throw new Error(`bench: unknown option ${flag} ${value}`.trim());
  }
  if (!(Number.isInteger(o.stacks) && o.stacks > 0 && Number.isInteger(o.runs) && o.runs > 0)) throw new Error('bench: --stacks and --runs take a positive integer');
  return o;
}

const log = (msg: string): void => void process.stderr.write(msg + '\n');
const secs = (s: Sample[]): string => s.map((x) => x.seconds.toFixed(2)).join(', ');

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const root = packageRoot;
  const benchDir = join(root, '.bench');
  const outDir = join(benchDir, 'out');
  mkdirSync(outDir, { recursive: true });

  const corpus = ensureCorpus({ dir: join(benchDir, 'corpus'), stacks: o.stacks, seed: SEED, groupSize: GROUP_SIZE });
  const subset = corpus.groups[0]!;
  const corpusRel = relative(root, corpus.dir);
  const subsetRel = join(corpusRel, subset);
  const files = findYamlFiles(corpus.dir).length;
  const dockerfiles = findDockerfiles(corpus.dir).length;
  const subsetFiles = findYamlFiles(join(corpus.dir, subset)).length;
  const subsetStacks = Math.min(GROUP_SIZE, o.stacks);
  log(`corpus: ${o.stacks} stacks, ${files} compose files and ${dockerfiles} Dockerfiles in ${corpusRel} (${corpus.generated ? `generated in ${corpus.seconds.toFixed(1)} s` : 'up to date'})`);

  const runner = new Runner(benchDir);
  const here = dirname(fileURLToPath(import.meta.url));
  const node = (args: string[], out: string): Command => ({ args, cwd: root, stdout: join(outDir, out), okCodes: [0, 1] });

  const bareCmd = node([join(here, 'bare-parse.js'), corpusRel, '--dockerfiles'], 'bare-parse.json');
  const bareYamlCmd = node([join(here, 'bare-parse.js'), corpusRel], 'bare-yaml-parse.json');
  const ragcheckCmd = (dir: string, out: string) => node(['bin/ragcheck.js', 'lint', dir, '--format', 'json'], out);
  const dclintBin = realpathSync(join(root, 'node_modules', '.bin', 'dclint'));
  const dclintCmd = (dir: string, out: string) => node([dclintBin, '-r', dir, '-f', 'json'], out);

  const rows: Row[] = [];
  const [bare, bareYaml, rc] = (await runner.interleave([bareCmd, bareYamlCmd, ragcheckCmd(corpusRel, 'ragcheck.json')], o.runs)) as [Sample[], Sample[], Sample[]];
  log(`bare parse: ${secs(bare)} s`);
  checkBare(join(outDir, 'bare-parse.json'), files, dockerfiles);
  const bareRow = toRow('bare parse (yaml + dockerfile-ast)', 'corpus', files, bare);
  rows.push(bareRow);
  log(`bare yaml parse: ${secs(bareYaml)} s`);
  checkBare(join(outDir, 'bare-yaml-parse.json'), files, 0);
  const bareYamlRow = toRow('bare yaml parse (compose only)', 'corpus', files, bareYaml);
  rows.push(bareYamlRow);

  log(`ragcheck: ${secs(rc)} s; ${describeRagcheck(join(outDir, 'ragcheck.json'))}`);
  const rcRow = toRow('ragcheck lint', 'corpus', files, rc);
  rows.push(rcRow);

  const fixDry = await runner.repeat(node(['bin/ragcheck.js', 'fix', '--dry-run', corpusRel], 'ragcheck-fix.diff'), o.runs);
  log(`ragcheck fix --dry-run: ${secs(fixDry)} s; ${describeDiff(join(outDir, 'ragcheck-fix.diff'))}`);
  const fixRow = toRow('ragcheck fix --dry-run', 'corpus', files, fixDry);
  rows.push(fixRow);

  const ratios: Ratio[] = [];
  ratios.push({ name: 'ragcheck fix --dry-run / lint', value: round(fixRow.medianSeconds / rcRow.medianSeconds, 2), basis: 'the fix passes re-lint the stacks until no fix is left' });
  const overBare = pairedRatio(rcRow, bareRow);
  ratios.push({ name: 'ragcheck / bare parse', value: round(overBare, 2), target: '<= 1.5x', met: overBare <= 1.5, basis: `same files (compose files and Dockerfiles), whole processes; median of the ${o.runs} rounds' ratios` });
  const overYaml = pairedRatio(rcRow, bareYamlRow);
  ratios.push({ name: 'ragcheck / bare yaml parse', value: round(overYaml, 2), target: '<= 1.5x', met: overYaml <= 1.5, basis: 'the compose files alone: the floor before Dockerfiles were linted' });

  if (o.dclint !== 'skip') {
    const dclint = await timeDclint(runner, o, { full: dclintCmd(corpusRel, 'dclint.json'), subset: dclintCmd(subsetRel, 'dclint-subset.json') }, files, subsetFiles);
    const label = dclint.full ? 'corpus' : `subset ${subset} (${subsetStacks} stacks)`;
    log(`dclint (${label}): ${secs(dclint.samples)} s; ${describeDclint(join(outDir, dclint.full ? 'dclint.json' : 'dclint-subset.json'))}`);
    const dcRow = toRow('dclint', label, dclint.full ? files : subsetFiles, dclint.samples);
    rows.push(dcRow);
    const perFile = perFileRatio(dcRow, rcRow);
    ratios.push({ name: 'dclint / ragcheck', value: round(perFile, 1), target: '>= 40x', met: perFile >= 40, basis: dclint.full ? 'same files, whole processes' : `per file: dclint on ${subset}, ragcheck on the corpus` });
    if (!dclint.full) {
      const rcSubset = await runner.repeat(ragcheckCmd(subsetRel, 'ragcheck-subset.json'), o.runs);
      const rcSubRow = toRow('ragcheck lint', label, subsetFiles, rcSubset);
      rows.push(rcSubRow);
      const same = dcRow.medianSeconds / rcSubRow.medianSeconds;
      ratios.push({ name: `dclint / ragcheck on ${subset}`, value: round(same, 1), target: '>= 40x', met: same >= 40, basis: 'same files, whole processes (start-up weighs more on a small input)' });
    }
  }

  const table = formatTable(rows, ratios);
  process.stdout.write(`\n${table}\n`);
  const results = { date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', corpus: { stacks: o.stacks, composeFiles: files, dockerfiles, seed: SEED, dir: corpusRel }, rows, ratios };
  writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`\nwrote ${relative(root, join(benchDir, 'results.json'))}`);
}

/** dclint is far slower: time it on the subset first, and on the whole corpus only if that fits the budget. */
async function timeDclint(runner: Runner, o: Options, cmd: { full: Command; subset: Command }, files: number, subsetFiles: number): Promise<{ full: boolean; samples: Sample[] }> {
  if (o.dclint === 'full' || subsetFiles === files) return { full: true, samples: await runner.repeat(cmd.full, 1, false) };
  const probe = await runner.once(cmd.subset);
  const estimate = (probe.seconds * files) / subsetFiles;
  log(`dclint on the subset: ${probe.seconds.toFixed(1)} s; whole corpus estimated at ${estimate.toFixed(0)} s`);
  if (o.dclint === 'auto' && estimate <= DCLINT_FULL_BUDGET_S) return { full: true, samples: [await runner.once(cmd.full)] };
  // The probe doubles as the first timed run: the corpus is already in the file cache.
  return { full: false, samples: [probe, ...(await runner.repeat(cmd.subset, o.runs - 1, false))] };
}

function checkBare(out: string, files: number, dockerfiles: number): void {
  const r = JSON.parse(readFileSync(out, 'utf8')) as { files: number; dockerfiles: number; errors: number };
  if (r.files !== files || r.dockerfiles !== dockerfiles) throw new Error(`bench: bare parse read ${r.files} compose files and ${r.dockerfiles} Dockerfiles, expected ${files} and ${dockerfiles}`);
  if (r.errors > 0) log(`warning: ${r.errors} corpus files do not parse`);
}

interface RagcheckJson {
  diagnostics: { ruleId: string }[];
  summary: { files: number; errors: number; warnings: number };
}

function describeRagcheck(out: string): string {
  const r = JSON.parse(readFileSync(out, 'utf8')) as RagcheckJson;
  const byRule = new Map<string, number>();
  for (const d of r.diagnostics) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
  const top = [...byRule].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ');
  return `${r.diagnostics.length} findings in ${r.summary.files} files (${top})`;
}

function describeDiff(out: string): string {
  const text = readFileSync(out, 'utf8');
  const files = text.match(/^\+\+\+ /gm)?.length ?? 0;
  const hunks = text.match(/^@@ /gm)?.length ?? 0;
  return `a diff of ${files} files, ${hunks} hunks`;
}

function describeDclint(out: string): string {
  if (!existsSync(out)) return 'no output';
  const r = JSON.parse(readFileSync(out, 'utf8')) as { messages: unknown[] }[];
  return `${r.reduce((n, f) => n + f.messages.length, 0)} findings in ${r.length} files`;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
