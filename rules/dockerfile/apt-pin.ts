import { runPackageOps } from '../../src/dockerfile/commands.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'apt-pin',
    category: 'images',
    summary: 'apt-get install pins every package to a version (pkg=version)',
    severity: 'warning',
    recommended: false,
    peers: { hadolint: ['DL3008'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        for (const op of runPackageOps(run)) {
          if (op.manager !== 'apt' || op.action !== 'install' || op.subcommand[0]?.text === 'build-dep') continue;
          // `pkg=1.2-3` and `pkg/bookworm-backports` (a release) count as pinned, as in hadolint; `.deb` files are paths.
          const loose = op.packages.filter((p) => p.source === 'registry' && p.version === undefined && !p.name.includes('$'));
          if (!loose.length) continue;
          const names = loose.map((p) => p.name);
          report({
            span: opSpan(dockerfile.file, op),
            message: `${op.tool} install takes whatever version the mirror has today for ${names.join(', ')}; pin each one (${names[0]}=<version>)`,
          });
        }
      }
    }
  },
});
