import { runPackageOps } from '../../src/dockerfile/commands.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule, type Span } from '../../src/engine/types.js';
import { flagValues, hasFlag, type PackageOp } from '../../src/shell/packages.js';
import type { SourceFile } from '../../src/source/source-file.js';

/** Packaging tools whose upgrade does not change what the application imports. */
const TOOLING = new Set(['pip', 'setuptools', 'wheel']);

type Finding = { span: Span; message: string };

/** Shared by every check that finds nothing: most operations pass most checks. */
const NONE: readonly Finding[] = [];

/** Each check: an operation that resolves versions at build time instead of reading a lockfile. */
const CHECKS: readonly ((op: PackageOp, file: SourceFile) => readonly Finding[])[] = [
  (op, file) =>
    op.manager === 'npm' && op.action === 'install' && op.packages.length === 0 && !hasFlag(op, '-g', '--global')
      ? [{ span: opSpan(file, op), message: 'npm install may update package-lock.json and install other versions than it records; use npm ci' }]
      : NONE,
  (op, file) =>
    op.manager === 'yarn' && op.action === 'install' && op.packages.length === 0 && !hasFlag(op, '--frozen-lockfile', '--immutable')
      ? [{ span: opSpan(file, op), message: `${words(op)} may rewrite yarn.lock; add --frozen-lockfile (Yarn 1) or --immutable (Yarn 2+)` }]
      : NONE,
  (op, file) =>
    op.manager === 'pnpm' && op.action === 'install' && op.packages.length === 0 && !op.flags.some((f) => f.name === '--frozen-lockfile' && f.value !== 'false')
      ? [{ span: opSpan(file, op), message: `${words(op)} may rewrite pnpm-lock.yaml; add --frozen-lockfile` }]
      : NONE,
  (op, file) =>
    (op.manager === 'pip' && op.action === 'install') || (op.manager === 'uv' && sub(op) === 'pip install')
      ? flagValues(op, '-c', '--constraint').length > 0
        ? NONE
        : op.packages
            .filter((p) => p.source === 'registry' && !p.pinned && !TOOLING.has(p.name.toLowerCase()))
            .map((p) => ({ span: file.span(p.start, p.end), message: `${p.text} is not pinned, so each build may install a different version; pin it (${p.name}==<version>) or install from a lockfile or requirements file` }))
      : NONE,
  (op, file) =>
    (op.manager === 'poetry' || op.manager === 'uv') && sub(op) === 'lock' && !hasFlag(op, '--check', '--locked', '--check-exists')
      ? [{ span: opSpan(file, op), message: `${words(op)} resolves versions during the build; commit the lockfile and install from it` }]
      : NONE,
  (op, file) =>
    op.manager === 'uv' && sub(op) === 'sync' && !hasFlag(op, '--locked', '--frozen')
      ? [{ span: opSpan(file, op), message: 'uv sync updates uv.lock when it is out of date; add --locked (fail instead) or --frozen (use it as it is)' }]
      : NONE,
];

const sub = (op: PackageOp): string => op.subcommand.map((w) => w.text).join(' ');
const words = (op: PackageOp): string => [op.command.name, ...op.subcommand.map((w) => w.text)].join(' ');

export default defineRule({
  meta: {
    id: 'lockfile-install',
    category: 'images',
    summary: 'Dependencies are installed from a lockfile or pinned versions, so every build installs the same ones',
    severity: 'warning',
  },
  checkDockerfile({ dockerfile, report }) {
    // Index loops: every RUN of every Dockerfile, mostly before this is optimised, where
    // for…of allocates an iterator result per step.
    const { stages, file } = dockerfile;
    for (let s = 0; s < stages.length; s++) {
      const runs = stages[s]!.runs;
      for (let r = 0; r < runs.length; r++) {
        const ops = runPackageOps(runs[r]!);
        for (let o = 0; o < ops.length; o++) {
          for (let c = 0; c < CHECKS.length; c++) {
            const found = CHECKS[c]!(ops[o]!, file);
            for (let f = 0; f < found.length; f++) report(found[f]!);
          }
        }
      }
    }
  },
});
