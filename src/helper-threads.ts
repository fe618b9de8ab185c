import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How far below its own priority each of V8's helper threads runs (in nice steps; 19 is the floor). */
const HELPER_NICENESS = 10;

/**
 * Gives the main thread the CPU before V8's helper threads, which compile hot code and help the
 * garbage collector. A run waits on the main thread alone, and Node starts four helpers
 * whatever the machine: on a 2-core CI runner they take turns with the main thread, and a lint
 * of a large repository takes 7–9% longer. The helpers still run on every core the main thread
 * leaves idle. Linux only, where a thread's nice value is its own and /proc lists the threads;
 * elsewhere nothing changes. For the processes ragcheck starts, not for a library call: it
 * changes every thread of the process but the main one.
 */
export function favourMainThread(): void {
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const entry of threads) {
    const tid = Number(entry);
    if (tid === process.pid) continue;
    try {
      setPriority(tid, Math.min(19, getPriority(tid) + HELPER_NICENESS));
    } catch {
      // The thread has ended, or its priority is not ours to change: it keeps its share.
    }
  }
}
