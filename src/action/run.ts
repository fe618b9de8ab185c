import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Octokit } from '@octokit/rest';
import { ruleMetas } from '../../rules/index.js';
import { ConfigError } from '../config/load-config.js';
import { UsageError } from '../discover/discover.js';
import { lint, type LintResult } from '../engine/lint.js';
import type { Diagnostic } from '../engine/types.js';
import { packageVersion } from '../package-root.js';
import { formatGithub, workflowCommand } from '../report/github.js';
import { formatSarif } from '../report/sarif.js';
import { scorecard, scorecardMarkdown } from '../report/scorecard.js';
import { summarize, type Summary } from '../report/summary.js';
import { reportCheck, type Conclusion } from './check.js';
import { readContext, type ActionContext } from './context.js';
import { listChangedFiles, type ChangedFiles } from './diff.js';
import { selectFindings } from './filter.js';
import { githubApi, httpStatus } from './github-api.js';
import { input, InputError, readInputs, type ActionInputs, type Env, type FailOn, type Reporter } from './inputs.js';
import { countsLine, findingsTable, jobSummary, type BlobBase } from './job-summary.js';
import { planReview, reportReview, reviewBody } from './review.js';
import { appendSummary, setOutput } from './workflow-commands.js';

export interface ActionIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const FAILS: Record<FailOn, (c: Summary) => boolean> = {
  error: (c) => c.errors > 0,
  warning: (c) => c.errors + c.warnings > 0,
  never: () => false,
};

/** What the token must be allowed, per reporter, to say so when GitHub refuses. */
const PERMISSION: Record<Exclude<Reporter, 'annotations'>, string> = { check: 'checks: write', review: 'pull-requests: write' };

/** Everything a reporter is handed. */
interface Run {
  inputs: ActionInputs;
  ctx: ActionContext;
  result: LintResult;
  api?: Octokit;
  changed?: ChangedFiles;
  findings: Diagnostic[];
  filteredOut: number;
  counts: Summary;
  conclusion: Conclusion;
  scorecard: string;
  blob: BlobBase;
  print(s: string): void;
}

/**
 * The GitHub Action: lints the workspace, keeps the findings the filter lets through, reports
 * them the way `reporter` says (falling back to annotations when GitHub refuses), writes the
 * job summary, the outputs and the SARIF file. Returns the exit code: 1 when `fail-on` is
 * met, 2 for bad inputs or config. Files are read as data; nothing from the checkout runs.
 */
export async function runAction(env: Env, io: ActionIo, cwd: string = process.cwd()): Promise<number> {
  let secret = '';
  // The runner masks what `add-mask` names; redacting here as well keeps it out of logs that are not the runner's.
  const print = (s: string): void => io.stdout(secret ? s.split(secret).join('***') : s);
  try {
    // Masked before anything else is read, so no later message can show it.
    secret = input(env, 'github-token');
    if (secret) io.stdout(`::add-mask::${secret}\n`);
    const inputs = readInputs(env);
    const ctx = readContext(env, cwd);
    const result = await lint({ cwd: ctx.workspace, paths: inputs.paths, configPath: inputs.config, environment: inputs.environment, summaries: true });
    const api = inputs.token ? githubApi(inputs.token, ctx.apiUrl) : undefined;
    const changed = await changedFiles(api, ctx, print);
    const findings = selectFindings(result.diagnostics, changed, inputs.filter);
    const counts = summarize(findings);
    const failing = FAILS[inputs.failOn](counts);
    const run: Run = {
      inputs,
      ctx,
      result,
      api,
      changed,
      findings,
      filteredOut: result.diagnostics.length - findings.length,
      counts,
      conclusion: failing ? 'failure' : findings.length ? 'neutral' : 'success',
      scorecard: scorecardMarkdown(scorecard(result.stacks ?? [])),
      blob: { url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.pr?.headSha ?? ctx.sha}/` },
      print,
    };

    const sarifPath = inputs.sarifFile && writeSarif(resolve(ctx.workspace, inputs.sarifFile), result);
    await deliver(run);
    appendSummary(env.GITHUB_STEP_SUMMARY, jobSummary({ findings, counts, filteredOut: run.filteredOut, filter: inputs.filter, opening: run.scorecard, blob: run.blob }));
    setOutput(env.GITHUB_OUTPUT, 'errors', String(counts.errors));
    setOutput(env.GITHUB_OUTPUT, 'warnings', String(counts.warnings));
    if (sarifPath) setOutput(env.GITHUB_OUTPUT, 'sarif-file', sarifPath);
    if (failing) io.stderr(`ragcheck: ${countsLine(counts, 0, inputs.filter)} (fail-on: ${inputs.failOn})\n`);
    return failing ? 1 : 0;
  } catch (e) {
    print(workflowCommand('error', `ragcheck: ${problem(e)}`));
    return 2;
  }
}

/** Bad input and config are reported as such; anything else is a bug, named in one line. */
function problem(e: unknown): string {
  if (e instanceof InputError || e instanceof UsageError || e instanceof ConfigError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && err.syscall) return err.message;
  return `internal error: ${err?.message ?? String(e)}`;
}

/** The pull request's files, or none outside a pull request or when GitHub will not list them. */
async function changedFiles(api: Octokit | undefined, ctx: ActionContext, print: (s: string) => void): Promise<ChangedFiles | undefined> {
  if (!ctx.pr) return undefined;
  if (!api) {
    print(workflowCommand('notice', 'ragcheck: no github-token, so the pull request\'s changes are unknown: reporting every finding'));
    return undefined;
  }
  try {
    return await listChangedFiles(api, { owner: ctx.owner, repo: ctx.repo, number: ctx.pr.number });
  } catch (e) {
    print(workflowCommand('notice', `ragcheck: cannot list the pull request's files (${apiProblem(e)}): reporting every finding`));
    return undefined;
  }
}

function apiProblem(e: unknown): string {
  const status = httpStatus(e);
  const message = (e as Error)?.message ?? String(e);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}

/** Runs the chosen reporter; annotations when it cannot run or GitHub refuses it. */
async function deliver(run: Run): Promise<void> {
  const { reporter } = run.inputs;
  if (reporter === 'annotations') return annotate(run);
  const missing = unavailable(run, reporter);
  if (missing) {
    run.print(workflowCommand('notice', `ragcheck: reporter ${reporter} cannot run: ${missing}; reporting as annotations instead`));
    return annotate(run);
  }
  try {
    await (reporter === 'check' ? check(run) : review(run));
  } catch (e) {
    const status = httpStatus(e);
    if (status === undefined) throw e;
    const why =
      status === 403
        ? run.ctx.pr?.fork
          ? 'the pull request comes from a fork, whose token is read-only'
          : `the token needs \`${PERMISSION[reporter]}\``
        : 'GitHub refused the request';
    run.print(workflowCommand(status === 403 ? 'notice' : 'warning', `ragcheck: cannot post the ${reporter} (${apiProblem(e)}): ${why}; reporting as annotations instead`));
    annotate(run);
  }
}

/** Why a reporter that talks to the API cannot run here, if it cannot. */
function unavailable(run: Run, reporter: Exclude<Reporter, 'annotations'>): string | undefined {
  if (!run.api) return 'there is no github-token';
  if (reporter === 'review' && !run.ctx.pr) return 'this is not a pull request';
  if (reporter === 'review' && !run.changed) return "the pull request's files are unknown";
  return undefined;
}

function annotate(run: Run): void {
  run.print(formatGithub(run.findings, { files: run.result.files, sources: run.result.sources, rules: ruleMetas, version: '' }));
}

async function check(run: Run): Promise<void> {
  const summary = [run.scorecard, `**${countsLine(run.counts, run.filteredOut, run.inputs.filter)}**`].filter(Boolean).join('\n');
  await reportCheck(
    run.api!,
    {
      owner: run.ctx.owner,
      repo: run.ctx.repo,
      headSha: run.ctx.pr?.headSha ?? run.ctx.sha,
      title: countsLine(run.counts, 0, run.inputs.filter),
      summary,
      text: findingsTable(run.findings, run.blob, 65_000),
      conclusion: run.conclusion,
    },
    run.findings,
  );
}

async function review(run: Run): Promise<void> {
  if (run.findings.length === 0) return;
  const pr = run.ctx.pr!;
  const plan = planReview(run.findings, run.changed!, run.result.sources, run.inputs.suggestFixes);
  const body = reviewBody(`**ragcheck**: ${countsLine(run.counts, run.filteredOut, run.inputs.filter)}`, plan.elsewhere);
  await reportReview(run.api!, { owner: run.ctx.owner, repo: run.ctx.repo, number: pr.number, headSha: pr.headSha }, body, plan);
}


/** Every finding, unfiltered: code scanning tracks alerts across commits itself. */
function writeSarif(path: string, result: LintResult): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatSarif(result.diagnostics, { files: result.files, sources: result.sources, rules: ruleMetas, version: packageVersion() }));
  return path;
}

