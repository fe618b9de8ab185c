/**
 * A small seeded generator (mulberry32), so the corpus is the same on every machine and every
 * run: timings compare like with like only if the files do.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `k` distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const keep = new Set<number>();
    while (keep.size < Math.min(k, items.length)) keep.add(Math.floor(this.next() * items.length));
    return items.filter((_, i) => keep.has(i));
  }
}

/** A per-stack seed, so stack N is the same whatever the corpus size. */
export function stackSeed(base: number, index: number): number {
  return (Math.imul(base ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
