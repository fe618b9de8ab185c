import { describe, expect, it } from 'vitest';
import { includeTargets, looksLikeCompose, looksLikeDockerfile } from '../../src/discover/sniff.js';

describe('looksLikeCompose', () => {
  it('accepts a top-level services mapping', () => {
    expect(looksLikeCompose('# core services\nx-common: &common\n  restart: always\n\nservices:\n  # the api\n  api:\n    image: a\n')).toBe(true);
    expect(looksLikeCompose('---\nname: app\nservices: {api: {image: a}}\n')).toBe(true);
    expect(looksLikeCompose('"services":\n  api: {}\n')).toBe(true);
    expect(looksLikeCompose('services: &s\n  api: {}\n')).toBe(true);
  });

  it('rejects GitHub workflows, Kubernetes manifests and services lists', () => {
    expect(looksLikeCompose('name: ci\non:\n  push:\njobs:\n  test:\n    services:\n      db:\n        image: postgres\n')).toBe(false);
    expect(looksLikeCompose('on: push\nservices:\n  db:\n    image: postgres\n')).toBe(false);
    expect(looksLikeCompose('apiVersion: v1\nkind: Service\nservices:\n  a: 1\n')).toBe(false);
    expect(looksLikeCompose('services:\n  - name: web\n    type: web\n')).toBe(false);
    expect(looksLikeCompose('services:\n- web\n')).toBe(false);
    expect(looksLikeCompose('services: []\n')).toBe(false);
    expect(looksLikeCompose('services:\nvolumes:\n  a: {}\n')).toBe(false);
    expect(looksLikeCompose('config:\n  services:\n    a: 1\n')).toBe(false);
  });

  it('looks at the first document only', () => {
    expect(looksLikeCompose('name: a\n---\nservices:\n  api: {}\n')).toBe(false);
  });
});

describe('looksLikeDockerfile', () => {
  it('wants FROM first, ARGs allowed before it', () => {
    expect(looksLikeDockerfile('# syntax=docker/dockerfile:1\nARG PY=3.12\nFROM python:${PY}\n')).toBe(true);
    expect(looksLikeDockerfile('from alpine\n')).toBe(true);
    expect(looksLikeDockerfile('#!/bin/sh\necho FROM\n')).toBe(false);
    expect(looksLikeDockerfile('ARG A\n')).toBe(false);
  });
});

describe('includeTargets', () => {
  it('reads the short, long and flow forms', () => {
    const text = [
      'include:',
      '  - base/core.yaml   # shared',
      '  - "base/rag.yaml"',
      '  - path: ../db/compose.yaml',
      '    project_directory: ../db',
      '    env_file:',
      '      - ../db/.env',
      '  - path:',
      '      - a.yaml',
      '      - b.yaml',
      '    env_file: x.env',
      '  - path: [c.yaml, "d.yaml"]',
      '  - ${SHARED}/e.yaml',
      '  - oci://registry/app:1',
      'services:',
      '  - not: this',
    ].join('\n');
    expect(includeTargets(text)).toEqual(['base/core.yaml', 'base/rag.yaml', '../db/compose.yaml', 'a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
    expect(includeTargets('include: [x.yaml, y.yaml]\nservices: {}\n')).toEqual(['x.yaml', 'y.yaml']);
    expect(includeTargets('services:\n  a: {}\n')).toEqual([]);
  });
});
