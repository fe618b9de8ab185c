import type { Diagnostic, RuleMeta, Severity } from '../../src/engine/types.js';
import type { FormatContext } from '../../src/report/format.js';
import { SourceFile } from '../../src/source/source-file.js';

/** Two files with findings (one message needing escapes) and a clean one. */
export const COMPOSE = 'services:\n  web:\n    image: nginx:latest\n    ports:\n      - "8080:80"\n';
export const DOCKERFILE = 'FROM python:3.12\nRUN pip install -r requirements.txt\n';

export function sampleSources(): Map<string, SourceFile> {
  const files = { 'compose.yaml': COMPOSE, 'api/Dockerfile': DOCKERFILE, 'clean/compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n' };
  return new Map(Object.entries(files).map(([path, text]) => [path, new SourceFile(path, text)]));
}

function at(sources: Map<string, SourceFile>, file: string, needle: string, ruleId: string, severity: Severity, message: string): Diagnostic {
  const source = sources.get(file)!;
  const start = source.text.indexOf(needle);
  return { ruleId, severity, message, span: source.span(start, start + needle.length) };
}

export function sampleDiagnostics(sources: Map<string, SourceFile>): Diagnostic[] {
  return [
    at(sources, 'api/Dockerfile', 'pip install -r requirements.txt', 'lockfile-install', 'warning', 'pip installs without hashes: 50% of "builds", <not> reproducible'),
    at(sources, 'compose.yaml', 'nginx:latest', 'pinned-image-tag', 'error', 'web runs nginx:latest, which can change under you'),
    at(sources, 'compose.yaml', '"8080:80"', 'ports-bind-interface', 'info', 'web publishes 8080 on every interface,\nnot only 127.0.0.1'),
  ];
}

/** Rule metadata of the test's own, so the expected reports do not follow edits to real summaries. */
const METAS: RuleMeta[] = [
  { id: 'lockfile-install', category: 'size', summary: 'Dependencies come from a lockfile', severity: 'warning' },
  { id: 'pinned-image-tag', category: 'images', summary: 'Images are pinned', severity: 'error' },
  { id: 'ports-bind-interface', category: 'network', summary: 'Ports name their interface', severity: 'warning' },
];

export function sampleContext(sources: Map<string, SourceFile>): FormatContext {
  return { files: 3, sources, rules: new Map(METAS.map((m) => [m.id, m])), version: '9.9.9' };
}
