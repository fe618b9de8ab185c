import { readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';

/** A folder's entries: name → is a folder. */
export type Listing = ReadonlyMap<string, boolean>;

/**
 * Folder listings read once per run and shared: discovery lists every folder it walks, and
 * linking (build contexts) and the file cache (does an optional `.env.example` exist?) ask the
 * same folders again.
 */
export class DirListings {
  private readonly known = new Map<string, Listing | null>();

  /** Keeps a listing discovery already read. */
  record(dir: string, entries: readonly Dirent[]): void {
    this.known.set(dir, listingOf(entries));
  }

  /** The entries of an absolute, normalised folder path; undefined when it cannot be listed. */
  list(dir: string): Listing | undefined {
    let listing = this.known.get(dir);
    if (listing === undefined) {
      try {
        listing = listingOf(readdirSync(dir, { withFileTypes: true }));
      } catch {
        listing = null;
      }
      this.known.set(dir, listing);
    }
    return listing ?? undefined;
  }

  /**
   * false only when the parent folder was listed and holds nothing of that name, in any case
   * (the file system may not tell case apart); undefined when nothing is known.
   */
  mayExist(absPath: string): boolean | undefined {
    const listing = this.known.get(path.dirname(absPath));
    if (!listing) return undefined;
    return mayHave(listing, path.basename(absPath));
  }
}

const listingOf = (entries: readonly Dirent[]): Listing => new Map(entries.map((e) => [e.name, e.isDirectory()]));

/** Whether a listing has `name`, compared without case as on case-insensitive file systems. */
export function mayHave(entries: Listing, name: string): boolean {
  if (entries.has(name)) return true;
  const lower = name.toLowerCase();
  for (const e of entries.keys()) if (e.length === name.length && e.toLowerCase() === lower) return true;
  return false;
}
