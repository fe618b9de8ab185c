import type { Octokit } from '@octokit/rest';

/** The new-side lines of one file's patch. */
export interface FileDiff {
  /** Lines the pull request added or changed. */
  added: ReadonlySet<number>;
  /** Each hunk's new-side lines, `[start, end]` inclusive: where review comments may sit. */
  hunks: readonly (readonly [number, number])[];
}

/** Files of the pull request by path; `null` for a file GitHub gives no patch for (binary, too large). */
export type ChangedFiles = ReadonlyMap<string, FileDiff | null>;

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Reads a unified diff's hunks (`@@ -a,b +c,d @@`) for the lines they add and show. */
export function parsePatch(patch: string): FileDiff {
  const added = new Set<number>();
  const hunks: [number, number][] = [];
  let line = 0;
  let left = 0;
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      line = Number(header[1]);
      left = header[2] === undefined ? 1 : Number(header[2]);
      if (left > 0) hunks.push([line, line + left - 1]);
      continue;
    }
    if (left <= 0) continue;
    const kind = raw[0];
    if (kind === '+') added.add(line);
    // A blank line is context whose leading space some tools strip.
    if (kind === '+' || kind === ' ' || raw === '') {
      line++;
      left--;
    }
  }
  return { added, hunks };
}

/** The files of a pull request (every page: GitHub sends at most 100 per request). */
export async function listChangedFiles(api: Octokit, at: { owner: string; repo: string; number: number }): Promise<ChangedFiles> {
  const files = await api.paginate(api.rest.pulls.listFiles, { owner: at.owner, repo: at.repo, pull_number: at.number, per_page: 100 });
  const out = new Map<string, FileDiff | null>();
  for (const f of files) out.set(f.filename, f.patch === undefined ? null : parsePatch(f.patch));
  return out;
}

/** The hunk holding lines `from`..`to` whole, if one does. */
export function hunkHolding(diff: FileDiff, from: number, to: number): readonly [number, number] | undefined {
  return diff.hunks.find(([s, e]) => s <= from && to <= e);
}
