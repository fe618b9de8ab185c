import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/apt-pin.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id], config: { extends: 'strict' } });

describe('apt-pin', () => {
  it('is opt-in', async () => {
    expect(rule.meta.recommended).toBe(false);
    expect(await lintFiles({ Dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n' }, { rules: [id] })).toEqual([]);
  });

  it('reports each install with unpinned packages, on the install words', async () => {
    const text = [
      'FROM debian:bookworm-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git wget',
      'RUN apt install -y -t bookworm-backports python3',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 23, endLine: 2, endColumn: 38 },
      { line: 3, column: 5, endLine: 3, endColumn: 16 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'apt-get install takes whatever version the mirror has today for git, wget; pin each one (git=<version>)',
      'apt install takes whatever version the mirror has today for python3; pin each one (python3=<version>)',
    ]);
  });

  it('accepts versions, releases, .deb files and build-dep', async () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get install -y curl=7.88.* python3/bookworm-backports ./x.deb && apt-get build-dep -y python3\n';
    expect(await lint(text)).toEqual([]);
  });
});
