/**
 * The floor any YAML-based Compose linter pays: find the YAML files under a folder and parse
 * each with `yaml`'s Document API and a LineCounter, as ragcheck does, and nothing else.
 *
 * Usage: node dist/src/bench/bare-parse.js <dir>   (prints {"files","bytes","errors"})
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

const YAML_FILE = /\.ya?ml$/;

/** `**\/*.y{a,}ml`, skipping dot-folders as globs do. */
export function findYamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) findYamlFiles(join(dir, entry.name), out);
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

function main(dir: string): void {
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
  process.stdout.write(JSON.stringify({ files: files.length, bytes, errors }) + '\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: bare-parse <dir>\n');
    process.exitCode = 2;
  } else {
    main(dir);
  }
}
