import { mapArray } from '../../src/arrays.js';
import type { CopyInstruction, Instruction } from '../../src/dockerfile/types.js';
import { defineRule, type Fix } from '../../src/engine/types.js';
import type { SourceFile } from '../../src/source/source-file.js';

/** Archives ADD unpacks (hadolint's list for DL3010/DL3020). */
const ARCHIVE = /\.(?:tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz)$/;
const URL = /^https?:\/\//i;
/** What BuildKit reads as a git source: `git@host:…`, `git://`, `ssh://`, or an http(s) URL ending in `.git`. */
const GIT = /^(?:git@|git:\/\/|ssh:\/\/)|^https?:\/\/[^#?]+\.git(?:[#?]|$)/i;
/** ADD options COPY does not have. */
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);

type Kind = 'local' | 'archive' | 'url' | 'git' | 'unknown';

function kindOf(text: string): Kind {
  if (text.includes('$')) return 'unknown';
  if (GIT.test(text)) return 'git';
  if (URL.test(text)) return 'url';
  return ARCHIVE.test(text) ? 'archive' : 'local';
}

export default defineRule({
  meta: {
    id: 'copy-not-add',
    category: 'images',
    summary: 'COPY is used for local files; ADD only for archives to unpack, git sources and downloads with --checksum',
    severity: 'error',
    fixable: 'safe',
    peers: { hadolint: ['DL3020'], trivy: ['AVD-DS-0005'], checkov: ['CKV_DOCKER_4'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const copy of stage.copies) {
        if (copy.keyword !== 'ADD') continue;
        const kinds = mapArray(copy.sources, (s) => kindOf(s.text));
        const local = copy.sources.filter((_, k) => kinds[k] === 'local');
        if (local.length) {
          const ins = copy.instruction;
          const plain = kinds.every((k) => k === 'local') && !ins.flags.some((f) => ADD_ONLY.has(f.name));
          report({
            span: ins.keywordSpan,
            message: `ADD ${local.map((s) => s.text).join(' ')} copies local files, which COPY does without ADD's URL fetching and archive unpacking; use COPY`,
            ...(plain && { fix: copyFix(dockerfile.file, ins) }),
          });
        }
        if (copy.checksum !== undefined || hasChecksum(copy)) continue;
        copy.sources.forEach((s, k) => {
          if (kinds[k] !== 'url') return;
          report({
            span: s.span,
            message: `ADD downloads ${s.text} without --checksum, so the build takes whatever the server returns; add --checksum=sha256:<digest>, or download and verify it in a RUN`,
          });
        });
      }
    }
  },
});

/** `ADD` → `COPY`, in the case the keyword was written in. */
function copyFix(file: SourceFile, ins: Instruction): Fix {
  const { start, end } = ins.keywordSpan;
  const text = file.text.slice(start, end) === 'ADD' ? 'COPY' : 'copy';
  return { title: 'Replace ADD with COPY', safe: true, edits: [{ file: file.path, start, end, text }] };
}

const hasChecksum = (copy: CopyInstruction): boolean => copy.instruction.flags.some((f) => f.name === 'checksum' && !!f.value);
