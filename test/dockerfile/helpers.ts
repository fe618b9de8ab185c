import type { Span } from '../../src/engine/types.js';
import { parseDockerfile, type DockerfileModel, type ParseOptions } from '../../src/dockerfile/index.js';
import { SourceFile } from '../../src/source/source-file.js';

export function df(text: string, options?: ParseOptions): DockerfileModel {
  return parseDockerfile(new SourceFile('Dockerfile', text), options);
}

/** `line:col-endLine:endCol`, 1-based, end exclusive. */
export const at = (s: Span | undefined): string => (s ? `${s.line}:${s.column}-${s.endLine}:${s.endColumn}` : 'none');

export const textOf = (m: DockerfileModel, s: Span): string => m.file.text.slice(s.start, s.end);

/** 1-based `line:col` of a file offset. */
export function lc(m: DockerfileModel, offset: number): string {
  const p = m.file.position(offset);
  return `${p.line}:${p.column}`;
}
