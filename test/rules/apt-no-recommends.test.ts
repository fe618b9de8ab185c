import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/apt-no-recommends.js';
import { fixFiles, fixWithRule } from '../helpers/fix-files.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('apt-no-recommends', () => {
  it('reports installs without --no-install-recommends, at the install words', async () => {
    const ds = await lint('FROM debian:12\nRUN apt-get update \\\n    && apt-get -y install curl \\\n    && apt-get reinstall -qy tini \\\n    && rm -rf /var/lib/apt/lists/*\n');
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 8, endLine: 3, endColumn: 26 },
      { line: 4, column: 8, endLine: 4, endColumn: 25 },
    ]);
    expect(ds[0]!.message).toBe('apt-get install without --no-install-recommends also installs every recommended package');
  });

  it('offers an unsafe fix that inserts the option after the subcommand', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl\n';
    const [d] = await lint(text);
    expect(d!.fix).toMatchObject({ title: 'Add --no-install-recommends', safe: false });
    const e = d!.fix!.edits[0]!;
    expect(text.slice(0, e.start) + e.text + text.slice(e.end)).toBe('FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n');
  });

  it('accepts the option, its apt.conf spelling and build-dep', async () => {
    const text = [
      'FROM debian:12',
      'RUN apt-get install -y --no-install-recommends curl',
      'RUN apt-get -o APT::Install-Recommends=false install -y curl',
      'RUN apt-get build-dep -y python3',
      'RUN apt-get update && apt-get upgrade -y',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});

describe('fix', () => {
  const fix = (files: Record<string, string>, unsafe = true) => fixWithRule(id, files, unsafe);

  it('inserts the option after install, in every install of a RUN, comment lines kept', async () => {
    const r = await fix({ Dockerfile: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get -y install curl \\\n    && apt-get reinstall -qy tini \\\n    && rm -rf /var/lib/apt/lists/*\n' });
    expect(r.files.Dockerfile).toBe('FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get -y install --no-install-recommends curl \\\n    && apt-get reinstall --no-install-recommends -qy tini \\\n    && rm -rf /var/lib/apt/lists/*\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('fixes inside a heredoc body and an sh -c string', async () => {
    const r = await fix({ Dockerfile: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\nRUN sh -c "apt-get update && apt-get install -y tini && rm -rf /var/lib/apt/lists/*"\n' });
    expect(r.files.Dockerfile).toBe('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\nRUN sh -c "apt-get update && apt-get install --no-install-recommends -y tini && rm -rf /var/lib/apt/lists/*"\n');
  });

  it('is unsafe: not applied without --unsafe', async () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n';
    expect((await fixFiles({ Dockerfile: text }, { rules: [id] })).files.Dockerfile).toBe(text);
  });

  it('offers no fix when the subcommand is quoted', async () => {
    const [d] = await lint('FROM debian:12\nRUN apt-get update && apt-get "install" -y curl && rm -rf /var/lib/apt/lists/*\n');
    expect(d!.fix).toBeUndefined();
  });
});
