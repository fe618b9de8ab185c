import { runPackageOps } from '../../src/dockerfile/commands.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';
import type { PackageSpec } from '../../src/shell/packages.js';

const GIT = /^(?:git(?:\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:)/i;
const TARBALL = /\.(?:tar|tar\.gz|tgz)$/i;

/** As hadolint: `@<version>`, `@<tag>` or a range pins, except `@latest`; git sources need `#<ref>`. */
function pinned(p: PackageSpec): boolean {
  if (p.name.includes('$')) return true;
  if (GIT.test(p.text)) return p.text.includes('#');
  if (p.source !== 'registry' || TARBALL.test(p.text)) return true;
  return p.version !== undefined && p.version !== '' && p.version !== 'latest';
}

export default defineRule({
  meta: {
    id: 'npm-pin',
    category: 'images',
    summary: 'npm install <package> names a version for every package (pkg@1.2.3)',
    severity: 'warning',
    recommended: false,
    peers: { hadolint: ['DL3016'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        for (const op of runPackageOps(run)) {
          if (op.manager !== 'npm' || op.action !== 'install') continue;
          const loose = op.packages.filter((p) => !pinned(p));
          if (!loose.length) continue;
          const names = loose.map((p) => p.text);
          report({
            span: opSpan(dockerfile.file, op),
            message: `${op.tool} install takes the latest release of ${names.join(', ')}; give each a version (${loose[0]!.name}@<version>)`,
          });
        }
      }
    }
  },
});
