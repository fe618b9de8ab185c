import { scanComments } from '../compose/parse.js';
const DIRECTIVE = /^ragcheck-(disable-next-line|disable-line|disable)\b(.*)$/;
/** Load failures cannot be silenced: the file was not checked at all. */
const UNSUPPRESSIBLE = new Set(['parse-error']);
export const UNUSED_DISABLE = 'unused-disable';
export function parseDirectives(file) {
    if (!file.text.includes('ragcheck-disable'))
        return [];
    const out = [];
    for (const c of scanComments(file.text)) {
        const m = DIRECTIVE.exec(c.text);
        if (!m)
            continue;
        const kind = m[1];
        const ids = m[2].split(' -- ')[0].split(/[\s,]+/).filter(Boolean);
        const target = kind === 'disable' ? 0 : kind === 'disable-line' ? c.line : c.line + 1;
        out.push({ file, line: c.line, target, ruleIds: ids.length ? ids : 'all', used: new Set() });
    }
    return out;
}
export function applySuppressions(diagnostics, files, knownRules) {
    const byFile = new Map();
    for (const f of files) {
        const ds = parseDirectives(f);
        if (ds.length)
            byFile.set(f.path, ds);
    }
    if (byFile.size === 0)
        return { kept: diagnostics, unused: [] };
    const kept = [];
    for (const d of diagnostics) {
        const directive = UNSUPPRESSIBLE.has(d.ruleId)
            ? undefined
            : byFile.get(d.span.file)?.find((x) => (x.target === 0 || x.target === d.span.line) && (x.ruleIds === 'all' || x.ruleIds.includes(d.ruleId)));
        if (directive)
            directive.used.add(d.ruleId);
        else
            kept.push(d);
    }
    const unused = [];
    for (const ds of byFile.values()) {
        for (const x of ds) {
            const span = x.file.span(x.file.lineStarts[x.line - 1], x.file.lineStarts[x.line - 1] + x.file.lineText(x.line).length);
            const report = (message) => unused.push({ ruleId: UNUSED_DISABLE, severity: 'warning', message, span });
            if (x.ruleIds === 'all') {
                if (x.used.size === 0)
                    report('Unused ragcheck-disable directive (no problems were reported here)');
                continue;
            }
            for (const id of x.ruleIds) {
                if (!knownRules.has(id))
                    report(`ragcheck-disable names an unknown rule "${id}"`);
                else if (!x.used.has(id))
                    report(`Unused ragcheck-disable directive (no problems from ${id} were reported here)`);
            }
        }
    }
    return { kept, unused };
}
