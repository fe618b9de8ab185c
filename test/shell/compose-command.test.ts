import { describe, expect, it } from 'vitest';
import { buildComposeStack } from '../../src/compose/build-model.js';
import type { CommandSpec } from '../../src/compose/model.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { analyzeCommandSpec, serviceCommandSites } from '../../src/shell/compose-command.js';
import { awaitsCommandString } from '../../src/shell/simple-command.js';
import { INSTALL_PREFILTER } from '../../src/shell/installs.js';
import { SourceFile } from '../../src/source/source-file.js';

/** The `command:` of service `s` in a one-file stack, and the file's sources. */
function serviceOf(yaml: string) {
  const file = new SourceFile('compose.yaml', yaml);
  const parsed = parseYamlFile(file);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const sources = new Map([[file.path, file]]);
  const stack = buildComposeStack({ name: 't', environment: 'prod', files: [file.path], projectDir: '.', sources, root: parsed.root, versionFields: [], env: {} });
  return { service: stack.services[0]!, sources };
}

function commandOf(yaml: string): { spec: CommandSpec; sources: Map<string, SourceFile> } {
  const { service, sources } = serviceOf(yaml);
  return { spec: service.command!, sources };
}

/** Each command's name and the file text its span covers, with the span's line and columns. */
function located(yaml: string, prefilter?: RegExp) {
  const { spec, sources } = commandOf(yaml);
  const site = analyzeCommandSpec(spec, sources, prefilter);
  return site.commands.map((c) => {
    const s = site.span(c.start, c.end);
    return { name: c.name, text: yaml.slice(s.start, s.end), line: s.line, column: s.column, endColumn: s.endColumn };
  });
}

describe('analyzeCommandSpec', () => {
  it('maps a plain string command to file offsets', () => {
    expect(located('services:\n  s:\n    command: sh -c "pip install x && python app.py"\n')).toEqual([
      { name: 'sh', text: 'sh -c "pip install x && python app.py"', line: 3, column: 14, endColumn: 52 },
      { name: 'pip', text: 'pip install x', line: 3, column: 21, endColumn: 34 },
      { name: 'python', text: 'python app.py', line: 3, column: 38, endColumn: 51 },
    ]);
  });

  it('maps double- and single-quoted scalars, escapes included', () => {
    const dq = located('services:\n  s:\n    command: "sh -c \\"npm ci && node .\\""\n');
    expect(dq.map((c) => c.text)).toEqual(['sh -c \\"npm ci && node .\\"', 'npm ci', 'node .']);
    const sq = located("services:\n  s:\n    command: 'bash -c ''yarn'''\n");
    expect(sq.map((c) => c.text)).toEqual(["bash -c ''yarn''", 'yarn']);
  });

  it('maps list form item by item, and inside the sh -c item', () => {
    const yaml = 'services:\n  s:\n    command: ["/bin/sh", "-c", "apk add curl && exec node server.js"]\n';
    expect(located(yaml)).toEqual([
      { name: 'sh', text: '"/bin/sh", "-c", "apk add curl && exec node server.js"', line: 3, column: 15, endColumn: 69 },
      { name: 'apk', text: 'apk add curl', line: 3, column: 33, endColumn: 45 },
      { name: 'node', text: 'node server.js', line: 3, column: 54, endColumn: 68 },
    ]);
  });

  it('maps block scalars in list form line by line', () => {
    const yaml = 'services:\n  s:\n    command:\n      - sh\n      - -c\n      - |\n        npm ci\n        npm run build\n';
    expect(located(yaml).slice(1)).toEqual([
      { name: 'npm', text: 'npm ci', line: 7, column: 9, endColumn: 15 },
      { name: 'npm', text: 'npm run build', line: 8, column: 9, endColumn: 22 },
    ]);
  });

  it('skips parsing when the prefilter rules the text out', () => {
    expect(located('services:\n  s:\n    command: uvicorn main:app --host 0.0.0.0\n', INSTALL_PREFILTER)).toEqual([]);
    expect(located('services:\n  s:\n    command: ["python", "app.py"]\n', INSTALL_PREFILTER)).toEqual([]);
    expect(located('services:\n  s:\n    command: ["pip", "install", "x"]\n', INSTALL_PREFILTER)).toHaveLength(1);
  });

  it('reads a list-form command as the shell line of a bare sh -c entrypoint', () => {
    const yaml = 'services:\n  s:\n    entrypoint: ["/bin/sh", "-c"]\n    command: ["pip install x && exec python app.py", "arg0"]\n';
    const { service, sources } = serviceOf(yaml);
    const [entry, command] = serviceCommandSites(service, sources);
    expect(entry!.commands.map((c) => c.name)).toEqual(['sh']);
    expect(command!.commands.map((c) => [c.name, c.depth, yaml.slice(c.start, c.end)])).toEqual([
      ['pip', 1, 'pip install x'],
      ['python', 1, 'python app.py'],
    ]);
    expect(command!.span(command!.commands[0]!.start, command!.commands[0]!.end)).toMatchObject({ line: 4, column: 16, endColumn: 29 });
  });
});

describe('awaitsCommandString', () => {
  it.each([
    [['/bin/sh', '-c'], true],
    [['bash', '-lc'], true],
    [['tini', '--', 'sh', '-e', '-c'], true],
    [['sh', '-o', 'pipefail', '-c'], true],
    [['sh', '-c', 'npm ci'], false],
    [['sh', 'start.sh'], false],
    [['python', '-c'], false],
    [['/entrypoint.sh'], false],
  ])('%j → %s', (argv, expected) => expect(awaitsCommandString(argv)).toBe(expected));
});
