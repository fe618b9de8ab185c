import { allRules, ruleIds } from '../../rules/index.js';
import { FileCache } from '../compose/file-cache.js';
import { loadStack } from '../compose/load-stack.js';
import { loadConfig } from '../config/load-config.js';
import { resolveRuleSettings } from '../config/rule-settings.js';
import { discover } from '../discover/discover.js';
import { runComposeRules } from './run-rules.js';
import { applySuppressions } from './suppressions.js';
/** discover → load → check → suppress: the whole `ragcheck lint` minus output. */
export async function lint(opts) {
    const config = await loadConfig(opts.cwd, opts.configPath);
    const settings = resolveRuleSettings(config, allRules.map((r) => r.meta));
    const found = await discover(opts.paths, { cwd: opts.cwd, config, environment: opts.environment, envFiles: opts.envFiles });
    const cache = new FileCache(opts.cwd);
    const sources = new Map();
    const diagnostics = [];
    const perStack = [];
    const stackFiles = [];
    for (const plan of found.stacks) {
        const loaded = await loadStack(plan, { cwd: opts.cwd, files: cache });
        for (const s of loaded.sources)
            sources.set(s.path, s);
        diagnostics.push(...loaded.diagnostics.filter((d) => settings.get(d.ruleId)?.severity !== 'off'));
        if (!loaded.stack)
            continue;
        const found = runComposeRules(loaded.stack, allRules, settings);
        diagnostics.push(...found.filter((d) => !d.everyStack));
        perStack.push(found.filter((d) => d.everyStack));
        stackFiles.push(new Set(loaded.sources.map((s) => s.path)));
    }
    diagnostics.push(...agreedByEveryStack(perStack, stackFiles));
    const { kept, unused } = applySuppressions(dedupe(diagnostics), sources.values(), ruleIds);
    const unusedSetting = settings.get('unused-disable');
    const reported = unusedSetting?.severity === 'off' ? kept : [...kept, ...unused.map((d) => ({ ...d, severity: unusedSetting?.severity ?? d.severity }))];
    return { diagnostics: reported.sort(byPosition), sources };
}
/** Keeps an `everyStack` finding only when each stack that includes its file reported it. */
function agreedByEveryStack(perStack, stackFiles) {
    const votes = new Map();
    for (const ds of perStack) {
        for (const d of dedupe(ds)) {
            const k = key(d);
            const v = votes.get(k);
            if (v)
                v.n++;
            else
                votes.set(k, { d, n: 1 });
        }
    }
    const out = [];
    for (const { d, n } of votes.values()) {
        if (n === stackFiles.filter((files) => files.has(d.span.file)).length) {
            const { everyStack: _, ...rest } = d;
            out.push(rest);
        }
    }
    return out;
}
const key = (d) => `${d.ruleId}\0${d.span.file}\0${d.span.start}\0${d.span.end}\0${d.message}`;
/** A base file shared by several stacks yields each finding once. */
function dedupe(ds) {
    const seen = new Set();
    return ds.filter((d) => {
        const k = key(d);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
function byPosition(a, b) {
    return a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
