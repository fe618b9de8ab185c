import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { SourceFile } from '../source/source-file.js';
import { describeAjvError, dottedPath, firstError } from './ajv-message.js';
import { ConfigSource } from './config-source.js';
/** A config problem; the message starts with `file:line:col` where known. The CLI exits 2. */
export class ConfigError extends Error {
    file;
    line;
    column;
    constructor(message, file, line, column) {
        super(file === undefined ? message : `${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${message}`);
        this.file = file;
        this.line = line;
        this.column = column;
        this.name = 'ConfigError';
    }
    /** A ConfigError pointing at a key or value of the loaded config (or just the file when positions are unknown). */
    static at(loaded, where, part, message) {
        if (loaded.source) {
            const p = loaded.source.position(where, part);
            return new ConfigError(message, loaded.source.displayPath, p.line, p.column);
        }
        return new ConfigError(message, loaded.path);
    }
}
export const CONFIG_NAMES = ['.ragcheck.yaml', '.ragcheck.yml'];
/** Larger than any sensible config; stops a stray huge file from being parsed. */
const MAX_CONFIG_BYTES = 1024 * 1024;
export function defaultConfig() {
    return { extends: 'recommended', stacks: {}, rules: {}, ignore: [], include: [] };
}
/**
 * Loads `explicitPath` (a missing file is an error), or else the nearest `.ragcheck.yaml` /
 * `.ragcheck.yml` found from `cwd` upwards. The search stops at the first folder holding `.git`
 * (the repository root) or at the filesystem root, so a config outside the project never leaks
 * in. With no config, the defaults apply and paths resolve against `cwd`.
 */
export async function loadConfig(cwd, explicitPath) {
    const absCwd = path.resolve(cwd);
    const file = explicitPath === undefined ? await findConfig(absCwd) : path.resolve(absCwd, explicitPath);
    if (file === undefined)
        return { config: defaultConfig(), dir: absCwd };
    let text;
    try {
        const stat = await fs.stat(file);
        if (!stat.isFile())
            throw new ConfigError(`Config path ${displayPath(file, absCwd)} is not a file`);
        if (stat.size > MAX_CONFIG_BYTES)
            throw new ConfigError(`Config file ${displayPath(file, absCwd)} is larger than 1 MB`);
        text = await fs.readFile(file, 'utf8');
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw e;
        const code = e.code;
        const why = code === 'ENOENT' ? 'not found' : `unreadable (${code ?? 'error'})`;
        throw new ConfigError(`Config file ${displayPath(file, absCwd)} is ${why}`);
    }
    return parseConfig(text, file, displayPath(file, absCwd));
}
/** Parses and validates config text; exported for tests and for editors that hold unsaved text. */
export function parseConfig(text, absPath, shownPath = absPath) {
    const sourceFile = new SourceFile(shownPath, text, absPath);
    const fail = (message, offset) => {
        const p = sourceFile.position(offset);
        return new ConfigError(message, shownPath, p.line, p.column);
    };
    const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false });
    const yamlError = doc.errors[0];
    if (yamlError)
        throw fail(yamlError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), yamlError.pos[0]);
    const source = new ConfigSource(shownPath, sourceFile, doc);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        throw fail(`Config cannot be read: ${e.message.split('\n')[0]}`, 0);
    }
    if (data === null || data === undefined)
        data = {};
    if (typeof data !== 'object' || Array.isArray(data))
        throw fail('The config must be a mapping of settings', doc.contents?.range?.[0] ?? 0);
    // `rules:` with every entry commented out is common; an empty section means "nothing set".
    const raw = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
    const validate = configValidator();
    if (!validate(raw)) {
        const err = firstError(validate.errors);
        const d = describeConfigError(err);
        const p = source.position(d.path, d.part);
        throw new ConfigError(d.message, shownPath, p.line, p.column);
    }
    const config = { ...defaultConfig(), ...raw };
    return { config, path: absPath, dir: path.dirname(absPath), source };
}
function describeConfigError(err) {
    const d = describeAjvError(err, (p) => (p.length === 0 ? 'the config' : dottedPath(p)));
    // A rule setting can take four shapes; name them all rather than the last branch tried.
    const isRuleShape = d.path.length === 2 && d.path[0] === 'rules' && err.schemaPath.includes('ruleSetting') && err.keyword !== 'enum';
    if (isRuleShape) {
        d.message = `${dottedPath(d.path)} must be a severity (off, info, warning, error), [severity], [severity, options] or an options mapping`;
    }
    return d;
}
let compiled;
function configValidator() {
    compiled ??= new Ajv({ allErrors: false, verbose: true, strict: false }).compile(schema);
    return compiled;
}
async function findConfig(start) {
    for (let dir = start;; dir = path.dirname(dir)) {
        for (const name of CONFIG_NAMES) {
            const candidate = path.join(dir, name);
            if (await isFile(candidate))
                return candidate;
        }
        if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir)
            return undefined;
    }
}
async function isFile(p) {
    return fs.stat(p).then((s) => s.isFile(), () => false);
}
async function exists(p) {
    return fs.access(p).then(() => true, () => false);
}
/** Relative to the working directory when inside it, so messages stay short. */
function displayPath(abs, cwd) {
    const rel = path.relative(cwd, abs);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}
