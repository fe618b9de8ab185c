import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/allowed-registry.js';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const trusted = (registries: string[]) => ({ rules: { [id]: ['error', { registries }] } });

describe('allowed-registry', () => {
  it('is off unless configured, and does nothing with no registries', async () => {
    const files = { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
    expect(await lintFiles(files, { rules: [id], config: { extends: 'strict' } })).toEqual([]);
  });

  it('reports pulled images and FROM images from other registries, Docker Hub as docker.io', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n  llm:\n    image: ghcr.io/ollama/ollama:0.5.7\n  api:\n    build: .\n    image: quay.io/acme/api:1.0.0\n',
        Dockerfile: 'FROM python:3.12-slim AS build\nFROM build\nFROM scratch\nFROM registry.example.com/python:3.12-slim\n',
      },
      { rules: [id], config: trusted(['registry.example.com']) },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: id, file: 'Dockerfile', line: 1, column: 6, endLine: 1, endColumn: 22 },
      { ruleId: id, file: 'compose.yaml', line: 3, column: 12, endLine: 3, endColumn: 25 },
      { ruleId: id, file: 'compose.yaml', line: 5, column: 12, endLine: 5, endColumn: 39 },
    ]);
    expect(ds.find((d) => d.span.file === 'compose.yaml')!.message).toBe('db pulls postgres:17.2 from docker.io, which is not a trusted registry (registry.example.com)');
    expect(ds.find((d) => d.span.file === 'Dockerfile')!.message).toBe('FROM python:3.12-slim comes from docker.io, which is not a trusted registry (registry.example.com)');
  });

  it('takes globs, and docker.io to allow Docker Hub', async () => {
    const files = { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n  e:\n    image: europe-docker.pkg.dev/acme/embed:2.0.1\n' };
    expect(await lintFiles(files, { rules: [id], config: trusted(['docker.io', '*.pkg.dev']) })).toEqual([]);
  });
});
