/** Writes src/compose/quick-validator.generated.ts after a change to schemas/compose.schema.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { QUICK_VALIDATOR_PATH, quickValidatorSource } from './quick-validator-source.js';

writeFileSync(join(packageRoot, QUICK_VALIDATOR_PATH), quickValidatorSource());
process.stdout.write(`wrote ${QUICK_VALIDATOR_PATH}\n`);
