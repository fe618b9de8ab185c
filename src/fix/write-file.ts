import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The fixed text in the shape of the original: CRLF files stay CRLF (fixers insert `\n`), a BOM
 * stays, and a final line break stays when the file had one.
 */
export function keepFormat(original: string, fixed: string): string {
  let out = fixed;
  const crlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');
  const eol = crlf ? '\r\n' : '\n';
  if (original.startsWith('\uFEFF') && !out.startsWith('\uFEFF')) out = '\uFEFF' + out;
  if (/\n$/.test(original) && out !== '' && !out.endsWith('\n')) out += eol;
  return out;
}

/**
 * Replaces a file's contents all at once: the text goes to a temporary file beside it, with the
 * original's mode, and is renamed over it, so a reader or a crash never sees half a file.
 * Symbolic links are followed: the file they point to is replaced, the link stays.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = realTarget(path);
  const mode = modeOf(target);
  const tmp = join(dirname(target), `.${basename(target)}.ragcheck-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', mode ?? 0o666);
  try {
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // openSync's mode is filtered by the umask: set the original's exactly.
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or never written: nothing to clean up.
    }
    throw e;
  }
}

function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}
