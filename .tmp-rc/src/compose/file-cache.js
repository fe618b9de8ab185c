import { open } from 'node:fs/promises';
import path from 'node:path';
import { SourceFile } from '../source/source-file.js';
import { MAX_FILE_BYTES, parseYamlFile } from './parse.js';
const REASONS = {
    ENOENT: 'File not found',
    EACCES: 'Permission denied',
    EPERM: 'Permission denied',
    EISDIR: 'Is a directory, not a file',
    ELOOP: 'Too many symbolic links',
    ENOTDIR: 'A parent of this path is not a directory',
};
/**
 * Reads and parses each path once, however many stacks use it. Results are cached as
 * promises so concurrent loads share one read. Never throws: I/O errors become problems.
 */
export class FileCache {
    cwd;
    texts = new Map();
    parsed = new Map();
    constructor(cwd) {
        this.cwd = cwd;
    }
    /** Path relative to the working directory with `/` separators, as reports show it. */
    relative(absPath) {
        const rel = path.relative(this.cwd, absPath) || '.';
        return rel.split(path.sep).join('/');
    }
    read(absPath) {
        const key = path.resolve(this.cwd, absPath);
        let p = this.texts.get(key);
        if (!p) {
            p = this.load(key);
            this.texts.set(key, p);
        }
        return p;
    }
    parse(absPath) {
        const key = path.resolve(this.cwd, absPath);
        let p = this.parsed.get(key);
        if (!p) {
            p = this.read(key).then((r) => {
                if (!r.ok)
                    return r;
                const res = parseYamlFile(r.file);
                return res.ok ? { ok: true, file: r.file, root: res.root, comments: res.comments } : { ok: false, file: r.file, problem: res.problem };
            });
            this.parsed.set(key, p);
        }
        return p;
    }
    async load(absPath) {
        const rel = this.relative(absPath);
        const fail = (message) => ({
            ok: false,
            problem: { message, span: { file: rel, start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } },
        });
        try {
            const fh = await open(absPath, 'r');
            try {
                const st = await fh.stat();
                if (st.isDirectory())
                    return fail(REASONS.EISDIR);
                if (st.size > MAX_FILE_BYTES)
                    return fail(`File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
                const text = await fh.readFile('utf8');
                return { ok: true, file: new SourceFile(rel, text, absPath) };
            }
            finally {
                await fh.close();
            }
        }
        catch (e) {
            const code = e.code ?? '';
            return fail(`Cannot read file: ${REASONS[code] ?? e.message}`);
        }
    }
}
