import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/config/did-you-mean.js';

describe('closest', () => {
  it('finds typos, swaps and prefixes', () => {
    expect(closest('stacs', ['extends', 'stacks', 'rules'])).toBe('stacks');
    expect(closest('rlues', ['extends', 'stacks', 'rules'])).toBe('rules');
    expect(closest('warn', ['off', 'info', 'warning', 'error'])).toBe('warning');
    expect(closest('env_file', ['files', 'environment', 'envFile', 'projectDirectory'])).toBe('envFile');
  });

  it('stays quiet when nothing is close', () => {
    expect(closest('database', ['extends', 'stacks', 'rules'])).toBeUndefined();
    expect(didYouMean('xyz', ['stacks'])).toBe('');
    expect(didYouMean('stack', ['stacks'])).toBe('; did you mean "stacks"?');
  });
});
