/** `npm run build:action`: writes the committed bundle of the GitHub Action. */
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { ACTION_BUNDLE, buildActionBundle } from './action-bundle.js';

await buildActionBundle(join(packageRoot, ACTION_BUNDLE));
