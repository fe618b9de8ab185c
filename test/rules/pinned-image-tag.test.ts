import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/pinned-image-tag.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;

describe('pinned-image-tag', () => {
  it('reports :latest and untagged images at the image value', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  chroma:\n    image: chromadb/chroma:latest\n  cache:\n    image: "redis"\n  db:\n    image: postgres:16.4\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 12, endLine: 3, endColumn: 34 },
      { line: 5, column: 12, endLine: 5, endColumn: 19 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'chroma runs chromadb/chroma:latest, and latest is a moving tag; pin an explicit version',
      'cache runs redis without a tag, which means :latest; pin an explicit version',
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'error']);
  });

  it('reports channel tags and tags with no version number', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  a:\n    image: nginx:stable-alpine\n  b:\n    image: ollama/ollama:rocm\n  c:\n    image: ghcr.io/x/app:main\n' }, { rules: [id] });
    expect(ds.map((d) => d.span.line)).toEqual([3, 5, 7]);
    expect(ds[1]!.message).toBe('b runs ollama/ollama:rocm, a tag with no version number that follows new releases; pin an explicit version');
  });

  it('accepts versioned tags, digests, commit tags and distro codenames', async () => {
    const text = [
      'services:',
      '  a:\n    image: redis:7-alpine',
      '  b:\n    image: redis@sha256:c35af3bbcef51a62c8bae5a9a563c6f1b60d7ebaea4cb5a3ccbcc157580ae098',
      '  c:\n    image: ghcr.io/x/app:main-3f2a1bc',
      '  d:\n    image: ubuntu:noble',
      '  e:\n    image: pgvector/pgvector:pg17',
      '',
    ].join('\n');
    expect(await lintFiles({ 'compose.yaml': text }, { rules: [id] })).toEqual([]);
  });

  it('checks tags after interpolation and shows what was written', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  ollama:\n    image: ollama/ollama:${OLLAMA_TAG:-latest}\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 3, column: 12, endLine: 3, endColumn: 47 }]);
    expect(ds[0]!.message).toBe('ollama runs ollama/ollama:latest (from ollama/ollama:${OLLAMA_TAG:-latest}), and latest is a moving tag; pin an explicit version');
  });

  it('skips an image that interpolates to nothing', async () => {
    expect(await lintFiles({ 'compose.yaml': 'services:\n  app:\n    image: ${IMAGE}\n' }, { rules: [id] })).toEqual([]);
  });

  it('warns about the tag a build gives its image, unless it is never pulled', async () => {
    const text = 'services:\n  api:\n    build: .\n    image: myapp:latest\n  worker:\n    build: .\n    image: myworker\n    pull_policy: build\n';
    const ds = await lintFiles({ 'compose.yaml': text }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 4, column: 12, endLine: 4, endColumn: 24 }]);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.message).toBe('api builds and tags myapp:latest, and latest is a moving tag: a pull or push under that tag replaces the image; tag builds with a version');
    expect(await lintFiles({ 'compose.yaml': text }, { rules: [id], options: { [id]: { checkBuilt: false } } })).toEqual([]);
  });

  it('with require: digest, reports tagged images that are not built', async () => {
    const text = 'services:\n  db:\n    image: postgres:16.4\n  cache:\n    image: redis:7.4@sha256:c35af3bbcef51a62c8bae5a9a563c6f1b60d7ebaea4cb5a3ccbcc157580ae098\n  api:\n    build: .\n    image: myapp:1.2.0\n';
    const ds = await lintFiles({ 'compose.yaml': text }, { rules: [id], options: { [id]: { require: 'digest' } } });
    expect(ds.map(pos)).toEqual([{ line: 3, column: 12, endLine: 3, endColumn: 25 }]);
    expect(ds[0]!.message).toBe('db runs postgres:16.4 by tag, and this project requires an @sha256 digest so the exact image is fixed');
  });

  it('accepts images the allow option lists', async () => {
    const text = 'services:\n  web:\n    image: nginx:alpine\n  db:\n    image: docker.io/library/postgres:latest\n  x:\n    image: ghcr.io/acme/tool\n';
    expect(await lintFiles({ 'compose.yaml': text }, { rules: [id], options: { [id]: { allow: ['nginx:alpine', 'postgres:*', 'ghcr.io/acme/*'] } } })).toEqual([]);
  });

  it('declares its options schema', () => {
    expect(rule.meta.options).toMatchObject({ additionalProperties: false, properties: { require: { enum: ['tag', 'digest'] } } });
    expect(rule.meta.defaultOptions).toEqual({ require: 'tag', allow: [], checkBuilt: true });
  });
});

describe('pinned-image-tag in Dockerfiles', () => {
  const lintDockerfile = (text: string, options?: Record<string, unknown>) => lintFiles({ Dockerfile: text }, { rules: [id], ...(options && { options: { [id]: options } }) });

  it('reports FROM images after ARG substitution, at the image word', async () => {
    const text = ['ARG PYTHON_IMAGE=python:latest', 'FROM ${PYTHON_IMAGE} AS builder', 'FROM node AS web', 'FROM builder', 'FROM scratch', 'FROM nginx:1.27-alpine', ''].join('\n');
    const ds = await lintDockerfile(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 6, endLine: 2, endColumn: 21 },
      { line: 3, column: 6, endLine: 3, endColumn: 10 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'FROM python:latest (from ${PYTHON_IMAGE}), and latest is a moving tag; pin an explicit version',
      'FROM node without a tag, which means :latest; pin an explicit version',
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'error']);
  });

  it('reports tags with no version number', async () => {
    const ds = await lintDockerfile('FROM nginx:alpine\n');
    expect(ds.map((d) => d.message)).toEqual(['FROM nginx:alpine, a tag with no version number that follows new releases; pin an explicit version']);
  });

  it('applies require: digest and allow', async () => {
    const text = 'FROM python:3.12-slim\nFROM debian:12@sha256:c35af3bbcef51a62c8bae5a9a563c6f1b60d7ebaea4cb5a3ccbcc157580ae098\nFROM nginx:alpine\n';
    const ds = await lintDockerfile(text, { require: 'digest', allow: ['nginx:alpine'] });
    expect(ds.map(pos)).toEqual([{ line: 1, column: 6, endLine: 1, endColumn: 22 }]);
    expect(ds[0]!.message).toBe('FROM python:3.12-slim by tag, and this project requires an @sha256 digest so the exact base image is fixed');
  });
});
