import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-sudo.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('no-sudo', () => {
  it('reports each sudo word, with options and inside sh -c', async () => {
    const text = [
      'FROM ubuntu:24.04',
      'USER app',
      'RUN sudo apt-get update && sudo -u root -E apt-get install -y curl',
      "RUN sh -c 'sudo chown app /data'",
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 5, endLine: 3, endColumn: 9 },
      { line: 3, column: 28, endLine: 3, endColumn: 32 },
      { line: 4, column: 12, endLine: 4, endColumn: 16 },
    ]);
    expect(ds[0]!.message).toBe(
      'sudo in a RUN behaves unpredictably (TTY, environment, signals) and keeps sudo in the image; RUN already runs as the current USER, so put USER root before this step and USER <app> after it',
    );
  });

  it('accepts gosu, sudo as an argument and sudo installs', async () => {
    expect(await lint('FROM ubuntu:24.04\nRUN apt-get install -y sudo && gosu app true && echo sudo\n')).toEqual([]);
  });
});
