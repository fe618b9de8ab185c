import { describe, expect, it } from 'vitest';
import { Budgets, formatSize, parseSize } from '../../src/budget/budgets.js';
import { ConfigError, defaultConfig, type LoadedConfig } from '../../src/config/load-config.js';

const config = (budgets: Record<string, unknown>): LoadedConfig => ({ config: { ...defaultConfig(), budgets }, dir: '/repo' });

describe('Budgets', () => {
  it('applies the most specific budget that sets each limit', () => {
    const b = Budgets.fromConfig(config({
      default: { image: '4GB', layer: '1GB' },
      'dockerfiles.backend/Dockerfile': { image: '3GB' },
      'stages.runtime': { layer: '800MB' },
      'dockerfiles.Dockerfile.gpu#runtime': { layer: '2GiB' },
      'services.api': { image: 2_000_000_000 },
    }));
    expect(b.for({ service: 'api', dockerfile: '/repo/backend/Dockerfile', stage: 'runtime' })).toEqual({
      image: { bytes: 2_000_000_000, key: 'services.api' },
      layer: { bytes: 800_000_000, key: 'stages.runtime' },
    });
    expect(b.for({ service: 'worker', dockerfile: '/repo/backend/Dockerfile', stage: 'build' })).toEqual({
      image: { bytes: 3_000_000_000, key: 'dockerfiles.backend/Dockerfile' },
      layer: { bytes: 1_000_000_000, key: 'default' },
    });
    expect(b.for({ dockerfile: '/repo/gpu/Dockerfile.gpu', stage: 'runtime' }).layer).toEqual({ bytes: 2 * 1024 ** 3, key: 'dockerfiles.Dockerfile.gpu#runtime' });
    expect(Budgets.fromConfig(config({})).empty).toBe(true);
  });

  it('rejects a key of no known form and a size that is not one, in one clear line', () => {
    expect(() => Budgets.fromConfig(config({ api: { image: '2GB' } }))).toThrow(ConfigError);
    expect(() => Budgets.fromConfig(config({ api: { image: '2GB' } }))).toThrow(/Budget key "api" must be default, services.<name>/);
    expect(() => Budgets.fromConfig(config({ 'services.api': { layer: 'big' } }))).toThrow(/Budget services.api.layer must be a size/);
  });
});

describe('sizes', () => {
  it('reads decimal and binary units, and bytes', () => {
    expect([parseSize('800MB'), parseSize('2 GB'), parseSize('1.5GiB'), parseSize('7.13gb'), parseSize(1234), parseSize('2G'), parseSize(-1)]).toEqual([
      800_000_000, 2_000_000_000, 1.5 * 1024 ** 3, 7_130_000_000, 1234, undefined, undefined,
    ]);
  });

  it('writes them as Docker does', () => {
    expect([formatSize(512), formatSize(7_130_000_000), formatSize(12_820_000_000), formatSize(438_000_000), formatSize(1_500)]).toEqual(['512 B', '7.13 GB', '12.8 GB', '438 MB', '1.50 kB']);
  });
});
