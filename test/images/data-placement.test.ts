import { describe, expect, it } from 'vitest';
import type { VolumeMount } from '../../src/compose/model.js';
import { placeData } from '../../src/images/data-placement.js';

function mount(type: VolumeMount['type'], target: string, source?: string): VolumeMount {
  return { type, target, ...(source !== undefined && { source }), readOnly: false, short: true } as VolumeMount;
}

const kind = (p: ReturnType<typeof placeData>) => (p.kind === 'image-volume' ? `image-volume ${p.volume}` : 'mount' in p ? `${p.kind} ${p.mount.target}` : p.kind);

describe('placeData', () => {
  it('finds the named volume at the dir or a parent', () => {
    expect(kind(placeData('/var/lib/postgresql/18/docker', [mount('volume', '/var/lib/postgresql', 'pg')], ['/var/lib/postgresql']))).toBe('named /var/lib/postgresql');
    expect(kind(placeData('/data', [mount('volume', '/data/', 'd')], []))).toBe('named /data/');
  });

  it('lets an image VOLUME below a parent mount shadow it', () => {
    expect(kind(placeData('/var/lib/postgresql/data', [mount('volume', '/var/lib/postgresql', 'pg')], ['/var/lib/postgresql/data']))).toBe('image-volume /var/lib/postgresql/data');
  });

  it('replaces an image VOLUME with a mount at exactly its path', () => {
    expect(kind(placeData('/data', [mount('bind', '/data', './data')], ['/data']))).toBe('bind /data');
  });

  it('tells a mount that does not contain the dir from one that does', () => {
    expect(kind(placeData('/var/lib/postgresql/18/docker', [mount('volume', '/var/lib/postgresql/data', 'pg')], ['/var/lib/postgresql']))).toBe('image-volume /var/lib/postgresql');
    expect(kind(placeData('/data', [mount('volume', '/database', 'x')], []))).toBe('container-layer');
  });

  it('takes the deepest mount', () => {
    expect(kind(placeData('/app/backend/data', [mount('bind', '/app', '.'), mount('volume', '/app/backend/data')], []))).toBe('anonymous /app/backend/data');
    expect(kind(placeData('/app/backend/data', [mount('volume', '/app/backend/data', 'w'), mount('bind', '/app', '.')], []))).toBe('named /app/backend/data');
    expect(kind(placeData('/data', [mount('tmpfs', '/data')], ['/data']))).toBe('tmpfs /data');
  });
});
