import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

/** What the prod policies ask of every long-running service. */
const RUN_POLICY = '    restart: unless-stopped\n    security_opt: [no-new-privileges:true]\n    logging:\n      options: { max-size: 10m }\n    deploy:\n      resources: { limits: { memory: 512m } }\n';
const HEALTHCHECK = RUN_POLICY + '    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n';
const VOLUME = `${HEALTHCHECK}    volumes:\n      - data:/data\nvolumes:\n  data: {}\n`;

describe('inline suppressions', () => {
  it('disable-next-line silences the named rule on the next line only', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    # ragcheck-disable-next-line pinned-image-tag -- vendor ships no tags\n    image: redis:latest\n${VOLUME}`,
    });
    expect(ds).toEqual([]);
  });

  it('disable-line at the end of the line, and several ids at once', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    image: redis:latest # ragcheck-disable-line pinned-image-tag, named-volume-for-data\n${HEALTHCHECK}`,
    });
    expect(ds).toEqual([]);
  });

  it('file-wide disable, with or without ids', async () => {
    const withId = await lintFiles({ 'compose.yaml': `# ragcheck-disable no-version-field\nversion: "3"\nservices:\n  a:\n    image: redis:7.4.1\n${VOLUME}` });
    expect(withId).toEqual([]);
    const all = await lintFiles({ 'compose.yaml': `# ragcheck-disable\nversion: "3"\nservices:\n  a:\n    image: redis:latest\n${HEALTHCHECK}` });
    expect(all).toEqual([]);
  });

  it('reports directives that silence nothing or name unknown rules, at the comment line', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    # ragcheck-disable-next-line pinned-image-tag\n    image: redis:7.4.1\n    # ragcheck-disable-next-line pinned-imag-tag\n    init: true\n${VOLUME}`,
    });
    expect(ds.map(at)).toEqual([
      { ruleId: 'unused-disable', file: 'compose.yaml', line: 3, column: 1, endLine: 3, endColumn: 50 },
      { ruleId: 'unused-disable', file: 'compose.yaml', line: 5, column: 1, endLine: 5, endColumn: 49 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'Unused ragcheck-disable directive (no problems from pinned-image-tag were reported here)',
      'ragcheck-disable names an unknown rule "pinned-imag-tag"',
    ]);
  });

  it('cannot silence a file that failed to parse', async () => {
    const ds = await lintFiles({ 'compose.yaml': '# ragcheck-disable\nservices: [\n' });
    expect(ds.map((d) => d.ruleId)).toEqual(['parse-error']);
  });

  it('is turned off with the rule', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    image: redis:7.4.1 # ragcheck-disable-line pinned-image-tag\n${VOLUME}`,
      '.ragcheck.yaml': 'rules:\n  unused-disable: off\n',
    });
    expect(ds).toEqual([]);
  });
});

describe("peers' suppressions", () => {
  const rules = ['apt-no-recommends', 'apt-cleanup', 'pinned-image-tag', 'pip-no-cache', 'unused-disable'];
  const ids = (ds: { ruleId: string; span: { line: number } }[]) => ds.map((d) => `${d.span.line} ${d.ruleId}`);

  it('# hadolint ignore= silences the rules covering those DL ids on the next instruction, continuation lines included', async () => {
    const dockerfile = [
      'FROM debian:bookworm-slim',
      '# hadolint ignore=DL3008,DL3015',
      'RUN apt-get update \\',
      '    && apt-get install -y curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'RUN apt-get install -y wget && rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n');
    expect(ids(await lintFiles({ Dockerfile: dockerfile }, { rules }))).toEqual(['6 apt-no-recommends']);
  });

  it('reaches over blank and comment lines and through a heredoc, and # hadolint global ignore= covers the file', async () => {
    const heredoc = ['FROM python:3.12-slim', '# hadolint ignore=DL3042', '', '# install', 'RUN <<EOF', 'set -e', 'pip install flask', 'EOF', 'RUN pip install gunicorn', ''].join('\n');
    expect(ids(await lintFiles({ Dockerfile: heredoc }, { rules }))).toEqual(['9 pip-no-cache']);
    const global = ['# hadolint global ignore=DL3042,DL3007', 'FROM python:latest', 'RUN pip install flask', 'RUN pip install gunicorn', ''].join('\n');
    expect(ids(await lintFiles({ Dockerfile: global }, { rules }))).toEqual([]);
  });

  it('ignores DL ids no rule covers, and is never reported as unused', async () => {
    const dockerfile = ['FROM python:3.12-slim', '# hadolint ignore=DL3059,DL3042', 'RUN echo hi', ''].join('\n');
    expect(await lintFiles({ Dockerfile: dockerfile }, { rules })).toEqual([]);
  });

  it('# dclint disable-line: trailing for its line, on its own line for the next; a file directive on the first line', async () => {
    const compose = (image: string) => `services:\n  a:\n${image}    healthcheck:\n      test: ["CMD", "true"]\n`;
    const trailing = compose('    image: redis:latest # dclint disable-line service-image-require-explicit-tag\n');
    expect(ids(await lintFiles({ 'compose.yaml': trailing }, { rules }))).toEqual([]);
    const own = compose('    # dclint disable-line\n    image: redis:latest\n');
    expect(ids(await lintFiles({ 'compose.yaml': own }, { rules }))).toEqual([]);
    const other = compose('    image: redis:latest # dclint disable-line no-version-field\n');
    expect(ids(await lintFiles({ 'compose.yaml': other }, { rules }))).toEqual(['3 pinned-image-tag']);
    const file = `# dclint disable service-image-require-explicit-tag\n${compose('    image: redis:latest\n')}`;
    expect(ids(await lintFiles({ 'compose.yaml': file }, { rules }))).toEqual([]);
    const notFirst = `services:\n  # dclint disable service-image-require-explicit-tag\n  a:\n    image: redis:latest\n`;
    expect(ids(await lintFiles({ 'compose.yaml': notFirst }, { rules }))).toEqual(['4 pinned-image-tag']);
  });
});
