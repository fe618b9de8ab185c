export function summarize(diagnostics) {
    const s = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
    for (const d of diagnostics) {
        if (d.severity === 'error')
            s.errors++;
        else if (d.severity === 'warning')
            s.warnings++;
        else
            s.infos++;
        if (d.fix)
            s.fixable++;
    }
    return s;
}
