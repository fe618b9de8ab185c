/**
 * `xs.map(f)` that always returns a packed array.
 *
 * V8's optimised `Array.prototype.map` returns arrays of another elements kind (holey) than its
 * unoptimised one (packed). Once a hot `.map` is optimised, every function compiled earlier for
 * the arrays it made meets a new map and is deoptimised, then compiled again. The models rules
 * read are built with this instead, so their arrays keep one shape whatever the JIT's tier:
 * linking and checking a large tree costs about a tenth less.
 */
export function mapArray<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}
