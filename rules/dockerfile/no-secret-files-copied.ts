import { shippedStages } from '../../src/dockerfile/chain.js';
import type { DockerfileModel, Stage } from '../../src/dockerfile/types.js';
import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule } from '../../src/engine/types.js';

interface SecretFile {
  /** Tested against the source's last path segment (a trailing `*` dropped: `id_rsa*`). */
  name?: RegExp;
  /** Tested against every segment of the source path (`~/.ssh/config`). */
  folder?: RegExp;
  what: string;
  instead: string;
}

const AT_RUN_TIME = 'keep it out of the build context (.dockerignore) and provide it at run time';
const AS_SECRET = 'use RUN --mount=type=secret for the step that needs it';

/** Files that hold secrets whatever their content; sources are matched as written, not expanded. */
const SECRET_FILES: readonly SecretFile[] = [
  { name: /^\.env(?:\.(?!(?:example|sample|template|dist|defaults?)$)[^/]+)?$/i, what: 'an environment file', instead: AT_RUN_TIME },
  // Certificates and chains are public; keys and key stores are not.
  { name: /^(?!.*(?:^|[-_.])(?:ca|cert|certs|certificate|chain|fullchain|bundle|pub|public)(?:[-_.]|$)).*\.(?:pem|key|p12|pfx)$/i, what: 'a private key', instead: AT_RUN_TIME },
  { name: /^id_(?:rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/, what: 'an SSH key', instead: 'use RUN --mount=type=ssh for the step that needs it' },
  { name: /^\.(?:npmrc|pypirc|netrc|git-credentials)$/, what: 'a credentials file', instead: AS_SECRET },
  { name: /^credentials.*\.json$/i, what: 'a credentials file', instead: AT_RUN_TIME },
  { folder: /^\.(?:aws|ssh|gnupg)$/, what: 'a credentials folder', instead: AS_SECRET },
];

function secretFile(source: string): SecretFile | undefined {
  const segments = source.split('/').filter((s) => s !== '' && s !== '.');
  const last = segments.at(-1)?.replace(/\*+$/, '');
  if (!last) return undefined;
  return SECRET_FILES.find((f) => (f.name ? f.name.test(last) : segments.some((s) => f.folder!.test(s))));
}

/** Where the file lands, for messages: `the image` when there is one stage. */
function where(model: DockerfileModel, s: Stage): string {
  if (model.stages.length === 1) return 'the image';
  return `${s.name ? `stage "${s.name}"` : `stage ${s.index} (line ${s.from.span.line})`}, which ships`;
}

export default defineRule({
  meta: {
    id: 'no-secret-files-copied',
    category: 'secrets',
    summary: 'Keys, .env files and credential files are not copied into an image that ships',
    severity: 'error',
    peers: { trivy: ['AVD-DS-0031'] },
    ...allowOption,
  },
  checkDockerfile({ dockerfile, runtimeStages, options, report }) {
    const allowed = allowMatcher(options);
    for (const stage of shippedStages(dockerfile, runtimeStages)) {
      for (const copy of stage.copies) {
        for (const source of copy.sources) {
          if (source.text.startsWith('<<') || /^[a-z][a-z0-9+.-]*:\/\//i.test(source.text) || allowed(source.text)) continue;
          const found = secretFile(source.text);
          if (!found) continue;
          report({
            span: source.span,
            message: `${copy.keyword} ${source.text} puts ${found.what} into ${where(dockerfile, stage)}; ${found.instead}`,
          });
        }
      }
    }
  },
});
