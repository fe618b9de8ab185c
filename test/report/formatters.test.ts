import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/types.js';
import { formatCheckstyle } from '../../src/report/checkstyle.js';
import { formatCodeclimate } from '../../src/report/codeclimate.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatJson } from '../../src/report/json.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatSarif } from '../../src/report/sarif.js';
import { SourceFile } from '../../src/source/source-file.js';
import { sampleContext, sampleDiagnostics, sampleSources } from './sample-findings.js';

const sources = sampleSources();
const diagnostics = sampleDiagnostics(sources);
const ctx = sampleContext(sources);

describe('github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(escapeProperty('dir,1/a:b%\n.yaml')).toBe('dir%2C1/a%3Ab%25%0A.yaml');
  });

  it('writes one workflow command a finding, errors first', () => {
    expect(formatGithub(diagnostics, ctx)).toBe(
      '::error file=compose.yaml,line=3,endLine=3,col=12,endColumn=24,title=pinned-image-tag::web runs nginx:latest, which can change under you\n' +
        '::warning file=api/Dockerfile,line=2,endLine=2,col=5,endColumn=36,title=lockfile-install::pip installs without hashes: 50%25 of "builds", <not> reproducible\n' +
        '::notice file=compose.yaml,line=5,endLine=5,col=9,endColumn=18,title=ports-bind-interface::web publishes 8080 on every interface,%0Anot only 127.0.0.1\n',
    );
  });

  it('escapes file names and leaves columns out of findings that span lines', () => {
    const source = new SourceFile('odd,name:1/compose.yaml', 'services:\n  web:\n    image: x\n');
    const d: Diagnostic = { ruleId: 'healthcheck-required', severity: 'warning', message: 'web has no healthcheck', span: source.span(12, 28) };
    expect(formatGithub([d], { ...ctx, sources: new Map([[source.path, source]]) })).toBe(
      '::warning file=odd%2Cname%3A1/compose.yaml,line=2,endLine=3,title=healthcheck-required::web has no healthcheck\n',
    );
  });

  it('writes nothing for a clean run', () => {
    expect(formatGithub([], ctx)).toBe('');
  });
});

describe('junit', () => {
  it('writes a suite per file, a failing case per finding and a passing case for a clean file', () => {
    expect(formatJunit(diagnostics, ctx)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="ragcheck" tests="4" failures="3" errors="0">
  <testsuite name="api/Dockerfile" tests="1" failures="1" errors="0">
    <testcase classname="api/Dockerfile" name="2:5 lockfile-install">
      <failure type="warning" message="pip installs without hashes: 50% of &quot;builds&quot;, &lt;not&gt; reproducible">warning at api/Dockerfile:2:5: pip installs without hashes: 50% of &quot;builds&quot;, &lt;not&gt; reproducible (lockfile-install)</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean/compose.yaml" tests="1" failures="0" errors="0">
    <testcase classname="clean/compose.yaml" name="ragcheck"/>
  </testsuite>
  <testsuite name="compose.yaml" tests="2" failures="2" errors="0">
    <testcase classname="compose.yaml" name="3:12 pinned-image-tag">
      <failure type="error" message="web runs nginx:latest, which can change under you">error at compose.yaml:3:12: web runs nginx:latest, which can change under you (pinned-image-tag)</failure>
    </testcase>
    <testcase classname="compose.yaml" name="5:9 ports-bind-interface">
      <failure type="info" message="web publishes 8080 on every interface,&#10;not only 127.0.0.1">info at compose.yaml:5:9: web publishes 8080 on every interface,&#10;not only 127.0.0.1 (ports-bind-interface)</failure>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('replaces characters XML cannot hold', () => {
    const d = { ...diagnostics[1]!, message: 'bell\u0007 & tab\t' };
    expect(formatJunit([d], { ...ctx, sources: new Map() })).toContain('message="bell\uFFFD &amp; tab&#9;"');
  });
});

describe('checkstyle', () => {
  it('lists every file read with its findings', () => {
    expect(formatCheckstyle(diagnostics, ctx)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="api/Dockerfile">
    <error line="2" column="5" severity="warning" message="pip installs without hashes: 50% of &quot;builds&quot;, &lt;not&gt; reproducible" source="ragcheck.lockfile-install"/>
  </file>
  <file name="clean/compose.yaml"/>
  <file name="compose.yaml">
    <error line="3" column="12" severity="error" message="web runs nginx:latest, which can change under you" source="ragcheck.pinned-image-tag"/>
    <error line="5" column="9" severity="info" message="web publishes 8080 on every interface,&#10;not only 127.0.0.1" source="ragcheck.ports-bind-interface"/>
  </file>
</checkstyle>
`);
  });
});

describe('codeclimate', () => {
  it('writes GitLab Code Quality issues with md5 fingerprints', () => {
    const issue = (check_name: string, description: string, categories: string, severity: string, fingerprint: string, path: string, line: number) => ({
      type: 'issue',
      check_name,
      description,
      categories: [categories],
      severity,
      fingerprint,
      location: { path, lines: { begin: line, end: line } },
    });
    const expected = [
      issue('lockfile-install', 'pip installs without hashes: 50% of "builds", <not> reproducible', 'Performance', 'minor', '3ec1ad5a927be8fba7afc17961f8048c', 'api/Dockerfile', 2),
      issue('pinned-image-tag', 'web runs nginx:latest, which can change under you', 'Bug Risk', 'major', '0140849709be6282d9a119491ddb7afb', 'compose.yaml', 3),
      issue('ports-bind-interface', 'web publishes 8080 on every interface,\nnot only 127.0.0.1', 'Security', 'info', 'dba664317acc1fd537555b8b8358d0fc', 'compose.yaml', 5),
    ];
    expect(formatCodeclimate(diagnostics, ctx)).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(formatCodeclimate([], ctx)).toBe('[]\n');
  });
});

describe('sarif', () => {
  it('writes one run with the rules that have results and a located result per finding', () => {
    const rule = (id: string, text: string, level: string, tag: string) => ({
      id,
      shortDescription: { text },
      helpUri: `https://github.com/ragcheck/ragcheck/blob/main/docs/rules/${id}.md`,
      defaultConfiguration: { level },
      properties: { tags: [tag] },
    });
    const result = (ruleId: string, ruleIndex: number, level: string, text: string, uri: string, region: number[], fingerprint: string) => ({
      ruleId,
      ruleIndex,
      level,
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: region[0], startColumn: region[1], endLine: region[2], endColumn: region[3] } } }],
      partialFingerprints: { 'ragcheckFingerprint/v1': fingerprint },
    });
    const expected = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'ragcheck',
              informationUri: 'https://github.com/ragcheck/ragcheck',
              version: '9.9.9',
              rules: [
                rule('lockfile-install', 'Dependencies come from a lockfile', 'warning', 'size'),
                rule('pinned-image-tag', 'Images are pinned', 'error', 'images'),
                rule('ports-bind-interface', 'Ports name their interface', 'warning', 'network'),
              ],
            },
          },
          columnKind: 'utf16CodeUnits',
          results: [
            result('lockfile-install', 0, 'warning', 'pip installs without hashes: 50% of "builds", <not> reproducible', 'api/Dockerfile', [2, 5, 2, 36], '9a4d4990b3245d17093d9cc0b92cda53'),
            result('pinned-image-tag', 1, 'error', 'web runs nginx:latest, which can change under you', 'compose.yaml', [3, 12, 3, 24], 'd9bc57297fe3502c2710393728cc06f5'),
            result('ports-bind-interface', 2, 'note', 'web publishes 8080 on every interface,\nnot only 127.0.0.1', 'compose.yaml', [5, 9, 5, 18], 'f8c6c57e6bbe8f07eae5f688104a4d64'),
          ],
        },
      ],
    };
    expect(formatSarif(diagnostics, ctx)).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('percent-encodes file URIs and describes a finding from outside the registry by its id', () => {
    const source = new SourceFile('my stack/compose#1.yaml', 'services: [\n');
    const d: Diagnostic = { ruleId: 'parse-error', severity: 'error', message: 'bad YAML', span: source.span(10, 11) };
    const log = JSON.parse(formatSarif([d], { ...ctx, sources: new Map([[source.path, source]]) }));
    expect(log.runs[0].tool.driver.rules).toEqual([{ id: 'parse-error', shortDescription: { text: 'parse-error' } }]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20stack/compose%231.yaml');
  });
});

describe('the formatter table', () => {
  it('has every format, json and stylish as before', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual(['checkstyle', 'codeclimate', 'github', 'json', 'junit', 'sarif', 'stylish']);
    expect(FORMATTERS.json(diagnostics, ctx)).toBe(formatJson(diagnostics, 3));
    expect(FORMATTERS.stylish(diagnostics, ctx)).toContain('\ncompose.yaml\n  3:12  error    web runs nginx:latest');
    expect(FORMATTERS.stylish(diagnostics, ctx)).not.toContain('\u001b[');
  });
});
