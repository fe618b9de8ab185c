/** A word of a shell command: its text after quote removal and where it stands. */
export interface Word {
  text: string;
  /** `[start, end)` offsets into the analysed text (or the file, once mapped). */
  start: number;
  end: number;
}

/**
 * One simple command, with env-assignment prefixes and wrappers (`exec`, `sudo`, `gosu u`, …)
 * stripped: `FOO=1 exec gosu app pip install x` is `pip` with args `install x`.
 */
export interface SimpleCommand {
  /** Basename of the command word (`/usr/bin/pip3` → `pip3`). */
  name: string;
  args: Word[];
  /** The command word followed by its args. */
  words: Word[];
  /** From the command word to the end of the last arg. */
  start: number;
  end: number;
  /** Wrappers stripped in front of it, outermost first. */
  wrappers: string[];
  /** 0 at top level; +1 inside each `sh -c` body or `$(…)`. */
  depth: number;
}

/**
 * Maps a range `[start, end)` of an inner text (a quoted word's content, a scalar's value) to
 * the outer text it came from. When exact positions are unknown it may return a wider range
 * (the whole word), never a wrong one.
 */
export type OffsetMapper = (start: number, end: number) => readonly [number, number];

/** A word together with a mapper from offsets in its text to outer offsets. */
export interface MappedWord extends Word {
  map: OffsetMapper;
}
