import { validator } from '@exodus/schemasafe';
import composeSchema from '../../schemas/compose.schema.json' with { type: 'json' };

/** Where the generated quick validator lives, relative to the package root. */
export const QUICK_VALIDATOR_PATH = 'src/compose/quick-validator.generated.ts';

/**
 * The TypeScript text of src/compose/quick-validator.generated.ts: schemasafe's code for
 * schemas/compose.schema.json. Compiling the schema takes 80–150 ms, a few percent of a whole
 * lint run, so the code is generated ahead of time; test/compose/validate.test.ts fails when
 * the file and the schema part ways (regenerate with write-quick-validator).
 */
export function quickValidatorSource(): string {
  // toJS yields JSON-like data (strings, numbers, booleans, null, arrays, plain objects) only.
  // `lax`: the schema is ours and trusted; `errorMessage` is read by `explain`, not a keyword.
  const validate = validator(composeSchema as Parameters<typeof validator>[0], { mode: 'lax', includeErrors: false, allowUnusedKeywords: true });
  return [
    `// Generated from schemas/compose.schema.json by src/compose/quick-validator-source.ts: do not edit.`,
    `// Regenerate: npx tsc -p . && node dist/src/compose/write-quick-validator.js`,
    `// @ts-nocheck`,
    `const validate: (data: unknown) => boolean = ${validate.toModule()};`,
    `export default validate;`,
    ``,
  ].join('\n');
}
