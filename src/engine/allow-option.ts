import picomatch from 'picomatch';

/**
 * The `allow: [globs]` option several rules share: its schema and default for `meta`, and a
 * matcher over the configured patterns.
 */
export const allowOption = {
  options: {
    type: 'object',
    properties: { allow: { type: 'array', items: { type: 'string' } } },
    additionalProperties: false,
  },
  defaultOptions: { allow: [] as string[] },
};

export function allowMatcher(options: Record<string, unknown>, picomatchOptions: picomatch.PicomatchOptions = {}): (s: string) => boolean {
  const patterns = (options.allow as string[] | undefined) ?? [];
  return patterns.length ? picomatch(patterns, { dot: true, ...picomatchOptions }) : () => false;
}
