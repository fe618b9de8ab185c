import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/dev-prod-base-parity.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (files: Record<string, string>) => lintFiles(files, { rules: [id] });

describe('dev-prod-base-parity', () => {
  it('reports the prod FROM (after ARG defaults and stage chains) with the dev FROM as related', async () => {
    const ds = await lint({
      Dockerfile: 'ARG PY=3.12-slim\nFROM python:${PY} AS base\nFROM base\nCMD ["python"]\n',
      'Dockerfile.dev': 'FROM python:3.11-slim\n',
      'dev.Dockerfile': 'FROM python:3.12-slim\n',
    });
    expect(ds.map(pos)).toEqual([{ line: 2, column: 6, endLine: 2, endColumn: 18 }]);
    expect(ds[0]!.span.file).toBe('Dockerfile');
    expect(ds[0]!.message).toBe('Dockerfile builds on python:3.12-slim but Dockerfile.dev on python:3.11-slim; use the same base image and tag so development runs what ships');
    expect(ds[0]!.related!.map((r) => ({ file: r.file, ...pos({ span: r } as never) }))).toEqual([{ file: 'Dockerfile.dev', line: 1, column: 6, endLine: 1, endColumn: 22 }]);
    expect(ds[0]!.severity).toBe('warning');
  });

  it('pairs files by name within a folder (two findings)', async () => {
    const ds = await lint({
      'api/api.Dockerfile': 'FROM node:20-slim\n',
      'api/api.dev.Dockerfile': 'FROM node:22\n',
      'api/worker.dev.Dockerfile': 'FROM node:18\n',
      'web/Dockerfile.prod': 'FROM nginx:1.27-alpine\n',
      'web/Dockerfile.development': 'FROM nginx:1.26-alpine\n',
      'other/Dockerfile.dev': 'FROM node:18\n',
    });
    expect(ds.map((d) => `${d.span.file}:${d.span.line} ${d.message.split(';')[0]}`)).toEqual([
      'api/api.Dockerfile:1 api.Dockerfile builds on node:20-slim but api.dev.Dockerfile on node:22',
      'web/Dockerfile.prod:1 Dockerfile.prod builds on nginx:1.27-alpine but Dockerfile.development on nginx:1.26-alpine',
    ]);
  });

  it('accepts the same image written differently, and unresolved bases', async () => {
    expect(await lint({ Dockerfile: 'FROM docker.io/library/python:3.12-slim\n', 'Dockerfile.dev': 'ARG B=python:3.12-slim\nFROM $B\n' })).toEqual([]);
    expect(await lint({ Dockerfile: 'ARG BASE\nFROM ${BASE}\n', 'Dockerfile.dev': 'FROM python:3.11\n' })).toEqual([]);
    expect(await lint({ Dockerfile: 'FROM python:3.12-slim\n' })).toEqual([]);
  });
});
