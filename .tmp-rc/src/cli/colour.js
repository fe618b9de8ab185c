import { Chalk, supportsColor } from 'chalk';
/** --no-color and NO_COLOR win; FORCE_COLOR forces; otherwise colour only on a terminal. */
export function makeChalk(opts) {
    const env = opts.env ?? process.env;
    if (opts.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== ''))
        return new Chalk({ level: 0 });
    if (env.FORCE_COLOR !== undefined) {
        const n = env.FORCE_COLOR === '' || env.FORCE_COLOR === 'true' ? 1 : env.FORCE_COLOR === 'false' ? 0 : Number(env.FORCE_COLOR);
        return new Chalk({ level: (Number.isInteger(n) ? Math.min(3, Math.max(0, n)) : 1) });
    }
    if (!opts.isTTY)
        return new Chalk({ level: 0 });
    return new Chalk({ level: supportsColor ? supportsColor.level : 1 });
}
