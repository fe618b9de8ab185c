import type { Instruction, RunInstruction, ToFile } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';
import { hasUrlPassword } from '../../src/secrets/values.js';

/** `scheme://userinfo@host`: group 1 is the userinfo, group 2 the host. */
const URL_USERINFO = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#@'"`]+)@([^\s/?#@:'"`]+)/gi;
/** A user part with no password that is a token all the same (`https://ghp_…@github.com`). */
const TOKEN_SHAPES: readonly RegExp[] = [
  /^(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}$/, /^github_pat_\w{20,}$/, /^glpat-[\w-]{16,}$/, /^gl(?:dt|ptt|rt)-[\w-]{16,}$/,
  /^hf_[A-Za-z0-9]{20,}$/, /^npm_[A-Za-z0-9]{20,}$/, /^xox[abprs]-[\w-]{10,}$/, /^sk-[\w-]{20,}$/,
  // Long opaque strings mixing letters and digits: API tokens, not user names.
  /^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{32,}$/,
];
/** Instructions whose text may carry a URL into the Dockerfile, its history or the image config. */
const KEYWORDS = new Set(['RUN', 'ADD', 'ARG', 'ENV', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD']);

function holdsCredential(url: string, userinfo: string): boolean {
  if (userinfo.includes(':')) return hasUrlPassword(url);
  return !userinfo.includes('$') && TOKEN_SHAPES.some((re) => re.test(userinfo));
}

export default defineRule({
  meta: {
    id: 'no-credentials-in-urls',
    category: 'secrets',
    summary: 'URLs in a Dockerfile carry no user:password or token: they stay in the file and the image history',
    severity: 'error',
  },
  checkDockerfile({ dockerfile, report }) {
    // Index loops: every instruction of every Dockerfile, mostly before this is optimised,
    // where for…of allocates an iterator result per step.
    const runs = new Map<Instruction, RunInstruction>();
    const { stages, instructions } = dockerfile;
    for (let s = 0; s < stages.length; s++) for (let r = 0; r < stages[s]!.runs.length; r++) runs.set(stages[s]!.runs[r]!.instruction, stages[s]!.runs[r]!);
    for (let i = 0; i < instructions.length; i++) {
      const ins = instructions[i]!;
      if (!KEYWORDS.has(ins.keyword)) continue;
      // RUN: the script as the shell sees it, heredoc bodies included.
      const run = runs.get(ins);
      const text = run?.form === 'shell' && run.script !== undefined ? run.script : ins.argsText;
      if (!text.includes('@') || !text.includes('://')) continue;
      const toFile: ToFile = run?.form === 'shell' && run.script !== undefined ? run.toFile : ins.argsToFile;
      for (const m of text.matchAll(URL_USERINFO)) {
        const userinfo = m[1]!;
        if (!holdsCredential(m[0], userinfo)) continue;
        const start = m.index + m[0].indexOf('://') + 3;
        const end = start + userinfo.length;
        report({
          span: dockerfile.file.span(toFile(start), toFile(end - 1) + 1),
          message: `${ins.keyword} puts credentials in a URL for ${m[2]}, which the Dockerfile and the image history keep; use RUN --mount=type=secret (or --mount=type=ssh for git) instead`,
        });
      }
    }
  },
});
