import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The folder holding package.json, whether running from src/ (tests) or dist/ (the CLI). */
export const packageRoot = (() => {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        if (existsSync(join(dir, 'package.json')))
            return dir;
        dir = dirname(dir);
    }
    throw new Error('ragcheck: cannot find its package.json');
})();
