import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/json-cmd.js';
import { fixWithRule } from '../helpers/fix-files.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });
const apply = (text: string, e: { start: number; end: number; text: string }) => text.slice(0, e.start) + e.text + text.slice(e.end);

describe('json-cmd', () => {
  it('reports a shell-form CMD of the running image and rewrites a plain one in exec form', async () => {
    const text = 'FROM python:3.12-slim\nCMD uvicorn app.main:app --host "0.0.0.0" --port 8000\n';
    const [d, ...rest] = await lint(text);
    expect(rest).toEqual([]);
    expect(pos(d!)).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 54 });
    expect(d!.message).toBe(
      'CMD of Dockerfile is in shell form, so /bin/sh runs as PID 1 and the process never receives SIGTERM from docker stop; write it in exec form (CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"])',
    );
    expect(d!.fix!.safe).toBe(false);
    const fixed = apply(text, d!.fix!.edits[0]!);
    expect(fixed).toBe('FROM python:3.12-slim\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n');
    expect(await lint(fixed)).toEqual([]);
  });

  it('reports ENTRYPOINT and CMD, and offers no fix where the shell does work', async () => {
    const text = [
      'FROM node:20-alpine AS base',
      'ENTRYPOINT node server.js',
      'FROM base',
      'CMD npm run migrate && node server.js --port $PORT',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 12, endLine: 2, endColumn: 26 },
      { line: 4, column: 5, endLine: 4, endColumn: 51 },
    ]);
    expect(ds[0]!.message).toMatch(/^ENTRYPOINT of the final stage of Dockerfile is in shell form/);
    // A CMD is in effect: exec form would hand it to the ENTRYPOINT as arguments.
    expect(ds[0]!.fix).toBeUndefined();
    expect(ds[1]!.message).toMatch(/^CMD of the final stage of Dockerfile .*\(CMD \["executable", "arg"\]\) or end the command with exec$/);
    expect(ds[1]!.fix).toBeUndefined();
  });

  it('accepts exec form, commands that end in exec, builder stages and replaced CMDs', async () => {
    const text = [
      'FROM python:3.12-slim AS builder',
      'CMD python -c "print(1)"',
      'FROM python:3.12-slim AS api',
      'CMD python main.py',
      'CMD cd /app && exec uvicorn main:app --port "$PORT"',
      'FROM python:3.12-slim',
      'ENTRYPOINT ["tini", "--"]',
      'CMD ["python", "worker.py"]',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('checks the stages compose builds', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  api:\n    build: { context: ., target: api }\n',
        Dockerfile: 'FROM python:3.12-slim AS api\nCMD python main.py\nFROM python:3.12-slim AS test\nCMD pytest -q\n',
      },
      { rules: [id] },
    );
    expect(ds.map((d) => d.span.line)).toEqual([2]);
  });
});

describe('fix', () => {
  const fix = (files: Record<string, string>, unsafe = true) => fixWithRule(id, files, unsafe);

  it('writes a plain command in exec form, the comment above kept', async () => {
    const r = await fix({ Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n# serve\nCMD uvicorn main:app \\\n    --host 0.0.0.0 --port "9090"\n' });
    expect(r.files.Dockerfile).toBe('FROM python:3.12-slim\nUSER 1000\n# serve\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "9090"]\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('rewrites an ENTRYPOINT when no CMD is in effect, keeping CRLF', async () => {
    const r = await fix({ Dockerfile: 'FROM node:22-slim\r\nUSER node\r\nENTRYPOINT node server.js\r\n' });
    expect(r.files.Dockerfile).toBe('FROM node:22-slim\r\nUSER node\r\nENTRYPOINT ["node", "server.js"]\r\n');
  });

  it('offers no fix for shell syntax, or when a comment line sits inside the command', async () => {
    for (const cmd of ['CMD uvicorn main:app --port $PORT', 'CMD python app.py > /tmp/log', 'CMD uvicorn main:app \\\n# port\n  --port 9090']) {
      const [d] = await lint(`FROM python:3.12-slim\n${cmd}\n`);
      expect(d!.fix, cmd).toBeUndefined();
    }
  });
});
