import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/workdir-absolute.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('workdir-absolute', () => {
  it('reports relative paths, after substituting known ARG and ENV values', async () => {
    const text = [
      'FROM python:3.12-slim AS base',
      'ARG APP=app',
      'WORKDIR $APP',
      'ENV SUB=src',
      'WORKDIR "${SUB}"',
      'FROM base',
      'WORKDIR ./tests',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 9, endLine: 3, endColumn: 13 },
      { line: 5, column: 9, endLine: 5, endColumn: 17 },
      { line: 7, column: 9, endLine: 7, endColumn: 16 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      "WORKDIR app is relative, so where it lands depends on the base image's WORKDIR; write the absolute path (e.g. /app)",
      'WORKDIR src is relative, so where it lands depends on the WORKDIR before it (/app); write the absolute path (/app/src)',
      'WORKDIR ./tests is relative, so where it lands depends on the WORKDIR before it (/app/src); write the absolute path (/app/src/tests)',
    ]);
  });

  it('accepts absolute POSIX and Windows paths and variables whose value is unknown', async () => {
    const text = [
      'FROM python:3.12-slim',
      'ARG ROOT',
      'WORKDIR $ROOT',
      'WORKDIR $HOME/app',
      'ARG DIR=/srv',
      'WORKDIR ${DIR}/api',
      'WORKDIR C:\\app',
      'WORKDIR \\data',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('takes a stage ARG without default from the global ARG', async () => {
    const ds = await lint('ARG ROOT=srv\nFROM python:3.12-slim\nARG ROOT\nWORKDIR $ROOT\n');
    expect(ds.map(pos)).toEqual([{ line: 4, column: 9, endLine: 4, endColumn: 14 }]);
    expect(ds[0]!.message).toBe("WORKDIR srv is relative, so where it lands depends on the base image's WORKDIR; write the absolute path (e.g. /srv)");
  });
});
