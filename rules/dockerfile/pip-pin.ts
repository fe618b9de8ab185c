import { runPackageOps } from '../../src/dockerfile/commands.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';
import { hasFlag, type PackageOp, type PackageSpec } from '../../src/shell/packages.js';

/** VCS requirements (`git+https://…`) pin with `@<ref>`. */
const VCS = /^(?:git|hg|svn|bzr)(?:\+[a-z]+)?:/i;

const isPipInstall = (op: PackageOp): boolean =>
  (op.manager === 'pip' && op.action === 'install') || (op.manager === 'uv' && op.subcommand.map((w) => w.text).join(' ') === 'pip install');

/** As hadolint: any version operator pins; local files, paths and non-VCS URLs are fixed sources. */
function pinned(p: PackageSpec): boolean {
  if (p.constraint !== undefined || p.name.includes('$')) return true;
  if (VCS.test(p.text)) return p.text.slice(p.text.indexOf('://') + 3).includes('@');
  return p.source !== 'registry' || p.text.includes('/');
}

export default defineRule({
  meta: {
    id: 'pip-pin',
    category: 'images',
    summary: 'pip install names a version for every package (==, >=, ~=…), or installs from a requirements file',
    severity: 'warning',
    recommended: false,
    peers: { hadolint: ['DL3013'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        for (const op of runPackageOps(run)) {
          if (!isPipInstall(op) || hasFlag(op, '-r', '--requirement', '-c', '--constraint')) continue;
          if (op.packages.some((p) => p.text === '.')) continue;
          const loose = op.packages.filter((p) => !editable(op, p) && !pinned(p));
          if (!loose.length) continue;
          const names = loose.map((p) => p.text);
          report({
            span: opSpan(dockerfile.file, op),
            message: `${op.tool} install takes the newest release of ${names.join(', ')}; give each a version (${loose[0]!.name}==<version>) or install from a requirements file`,
          });
        }
      }
    }
  },
});

/** `-e <path or URL>` installs a checkout, not a release: hadolint leaves it alone. */
function editable(op: PackageOp, p: PackageSpec): boolean {
  const args = op.command.args;
  const k = args.findIndex((a) => a.start === p.start);
  return k > 0 && (args[k - 1]!.text === '-e' || args[k - 1]!.text === '--editable');
}
