/** The GitHub Action's entry (action.yml runs its bundle, dist/action/index.js). */
import { favourMainThread } from '../helper-threads.js';
import { provideBundledLibs } from './bundled-libs.js';
import { runAction } from './run.js';

favourMainThread();
await provideBundledLibs();
process.exitCode = await runAction(process.env, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
