/**
 * The floor any linter of these files pays: find the compose files and Dockerfiles under a
 * folder and parse each, nothing else — compose files with `yaml`'s Document API and a
 * LineCounter, as ragcheck does, and (with `--dockerfiles`) Dockerfiles with dockerfile-ast,
 * the reference Dockerfile parser ragcheck's own scanner is tested against.
 *
 * Usage: node dist/src/bench/bare-parse.js <dir> [--dockerfiles]
 * Prints {"files","dockerfiles","bytes","errors"}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { LineCounter, parseDocument } from 'yaml';
import { isDockerfileName } from '../discover/patterns.js';

const YAML_FILE = /\.ya?ml$/;

/** Files under `dir` whose name passes `wanted`, skipping dot-folders as globs do. */
function findFiles(dir: string, wanted: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) findFiles(join(dir, entry.name), wanted, out);
    } else if (entry.isFile() && wanted(entry.name)) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

/** `**\/*.y{a,}ml`. */
export const findYamlFiles = (dir: string): string[] => findFiles(dir, (name) => YAML_FILE.test(name));

/** `**\/Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, as discovery names them. */
export const findDockerfiles = (dir: string): string[] => findFiles(dir, isDockerfileName);

function main(dir: string, withDockerfiles: boolean): void {
  let bytes = 0;
  let errors = 0;
  const files = findYamlFiles(dir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    // The options ragcheck's parser uses, so both do the same parsing work.
    const doc = parseDocument(text, { keepSourceTokens: false, lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
    if (doc.errors.length > 0) errors++;
  }
  const dockerfiles = withDockerfiles ? findDockerfiles(dir) : [];
  for (const file of dockerfiles) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    if (DockerfileParser.parse(text).getInstructions().length === 0) errors++;
  }
  process.stdout.write(JSON.stringify({ files: files.length, dockerfiles: dockerfiles.length, bytes, errors }) + '\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const [dir, flag] = process.argv.slice(2);
  if (!dir || (flag !== undefined && flag !== '--dockerfiles')) {
    process.stderr.write('usage: bare-parse <dir> [--dockerfiles]\n');
    process.exitCode = 2;
  } else {
    main(dir, flag === '--dockerfiles');
  }
}
