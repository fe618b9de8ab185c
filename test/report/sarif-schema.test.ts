import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import { sampleContext, sampleDiagnostics, sampleSources } from './sample-findings.js';

/**
 * The SARIF 2.1.0 schema (2.1.0-rtm.5, the version the OASIS standard was published as) as
 * Microsoft's SARIF SDK ships it in @microsoft/jest-sarif. It is a draft-04 schema, hence ajv's
 * draft-04 class.
 */
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

it('SARIF output is valid against the SARIF 2.1.0 JSON schema', () => {
  // The schema's `language` pattern has a stray `]` that only non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  const sources = sampleSources();
  for (const diagnostics of [sampleDiagnostics(sources), []]) {
    const log = JSON.parse(formatSarif(diagnostics, sampleContext(sources)));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  }
  // The validator is not a yes-man: a result without a message is refused.
  const broken = JSON.parse(formatSarif(sampleDiagnostics(sources), sampleContext(sources)));
  delete broken.runs[0].results[0].message;
  expect(validate(broken)).toBe(false);
});
