import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepFormat, writeFileAtomic } from '../../src/fix/write-file.js';

describe('keepFormat', () => {
  it('keeps a CRLF file CRLF when a fix inserts LF lines', () => {
    expect(keepFormat('a: 1\r\nb: 2\r\n', 'a: 1\r\n  c: 3\nb: 2\r\n')).toBe('a: 1\r\n  c: 3\r\nb: 2\r\n');
  });

  it('leaves a file with mixed line endings as the fix made it', () => {
    expect(keepFormat('a\r\nb\n', 'a\r\nx\nb\n')).toBe('a\r\nx\nb\n');
  });

  it('keeps a BOM and a final line break', () => {
    expect(keepFormat('\uFEFFa: 1\n', 'a: 1\nb: 2')).toBe('\uFEFFa: 1\nb: 2\n');
  });

  it('adds no final line break the file did not have', () => {
    expect(keepFormat('a: 1', 'a: 2')).toBe('a: 2');
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the text, keeps the file mode and leaves no temporary file', () => {
    dir = mkdtempSync(join(tmpdir(), 'ragcheck-write-'));
    const file = join(dir, 'entrypoint.sh');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o750);
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o7777).toBe(0o750);
    expect(readdirSync(dir)).toEqual(['entrypoint.sh']);
  });

  it('writes through a symbolic link and keeps the link', () => {
    dir = mkdtempSync(join(tmpdir(), 'ragcheck-write-'));
    writeFileSync(join(dir, 'real.yaml'), 'a: 1\n');
    symlinkSync('real.yaml', join(dir, 'compose.yaml'));
    writeFileAtomic(join(dir, 'compose.yaml'), 'a: 2\n');
    expect(lstatSync(join(dir, 'compose.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe('a: 2\n');
  });

  it('creates a file that did not exist', () => {
    dir = mkdtempSync(join(tmpdir(), 'ragcheck-write-'));
    writeFileAtomic(join(dir, '.env.example'), 'TOKEN=\n');
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toBe('TOKEN=\n');
  });

  it('throws, leaving the folder as it was and no temporary file, when the rename fails', () => {
    dir = mkdtempSync(join(tmpdir(), 'ragcheck-write-'));
    // A folder where the file should be: writing the temporary file works, renaming over it does not.
    mkdirSync(join(dir, 'compose.yaml'));
    expect(() => writeFileAtomic(join(dir, 'compose.yaml'), 'a: 2\n')).toThrow();
    expect(readdirSync(dir)).toEqual(['compose.yaml']);
    expect(statSync(join(dir, 'compose.yaml')).isDirectory()).toBe(true);
  });
});
