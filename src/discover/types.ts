import type { DirListings } from '../source/dir-listings.js';

/** What discovery hands to loading: one stack to merge, and where its files are. */
export interface StackPlan {
  /** Stable name: config `stacks:` key, or derived from the base file (`compose.yaml#prod`). */
  name: string;
  /** `prod`, `dev`, `test`, … */
  environment: string;
  /** Absolute paths of the compose files, merged in order like `docker compose -f a -f b`. */
  files: string[];
  /** Absolute paths of env files for interpolation, in order (later wins). Empty: `.env` beside the first file, if any. */
  envFiles: string[];
  /** Absolute path of the project directory (the first file's folder unless configured). */
  projectDir: string;
  /**
   * Set for a stack found only because a Dockerfile below its folder was named (as pre-commit
   * names changed files): it is checked only if it builds one of these (absolute paths).
   */
  ifBuilding?: string[];
}

export interface Discovery {
  stacks: StackPlan[];
  /** Absolute paths of Dockerfiles found (parsed by the Dockerfile stage). */
  dockerfiles: string[];
  /** Absolute paths of every compose file found, whether or not a stack uses it. */
  composeFiles: string[];
  /**
   * Full text (BOM kept) of the Compose files small enough to have been read whole while
   * discovering them, keyed by absolute path: loading may use it instead of reading again.
   */
  composeTexts?: Map<string, string>;
  /** The folder listings discovery read, for the stages after it. */
  listings?: DirListings;
}
