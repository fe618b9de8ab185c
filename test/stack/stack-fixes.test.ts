import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCache } from '../../src/compose/file-cache.js';
import { loadStack } from '../../src/compose/load-stack.js';
import type { ComposeStack } from '../../src/compose/model.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import type { Fix } from '../../src/engine/types.js';
import { applyEdits } from '../../src/fix/apply-edits.js';
import { SourceFile } from '../../src/source/source-file.js';
import { dependencies } from '../../src/stack/depends-on.js';
import { dependsOnHealthyFix } from '../../src/stack/depends-on-fix.js';
import { pulledImage } from '../../src/stack/effective-image.js';
import { hasHealthcheck } from '../../src/stack/health.js';
import { knownHealthcheckFix } from '../../src/stack/healthcheck-fix.js';

async function stackOf(compose: string): Promise<ComposeStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ragcheck-stack-fix-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'compose.yaml'), compose);
  const plan = { name: 'compose.yaml', environment: 'prod', files: [path.join(dir, 'compose.yaml')], envFiles: [], projectDir: dir };
  const loaded = await loadStack(plan, { cwd: dir, files: new FileCache(dir) });
  if (!loaded.stack) throw new Error('no stack');
  return loaded.stack;
}

/** The text after the fix's edits, which must still parse. */
function fixed(text: string, fix: Fix | undefined): string {
  expect(fix).toBeDefined();
  const out = applyEdits(text, fix!.edits);
  expect(parseYamlFile(new SourceFile('compose.yaml', out)).ok).toBe(true);
  return out;
}

/** The depends-on-healthy fix for `service`'s entry on `dep`, a service with a healthcheck counting as healthy. */
async function dependsFix(compose: string, service: string, dep: string): Promise<Fix | undefined> {
  const stack = await stackOf(compose);
  const s = stack.services.find((x) => x.name === service)!;
  const healthy = (name: string) => {
    const other = stack.services.find((x) => x.name === name);
    return other !== undefined && hasHealthcheck(pulledImage(other)) === 'yes';
  };
  return dependsOnHealthyFix(stack, s, dependencies(s).find((d) => d.service === dep)!, healthy);
}

const db = '  db:\n    image: postgres:16.4\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n  cache:\n    image: acme/cache:1\n';

describe('dependsOnHealthyFix', () => {
  it('rewrites a short block list to the long form, other entries kept as service_started, comments kept', async () => {
    const compose = `services:\n  api:\n    image: acme/api:1\n    depends_on: # order\n      - db  # the database\n      - cache\n${db}`;
    const fix = await dependsFix(compose, 'api', 'db');
    expect(fix!.safe).toBe(false);
    expect(fixed(compose, fix)).toBe(
      `services:\n  api:\n    image: acme/api:1\n    depends_on: # order\n      db:  # the database\n        condition: service_healthy\n      cache:\n        condition: service_started\n${db}`,
    );
  });

  it('indents a list written at its key\'s column, with CRLF', async () => {
    const compose = `services:\r\n  api:\r\n    image: acme/api:1\r\n    depends_on:\r\n    - db\r\n${db.replaceAll('\n', '\r\n')}`;
    expect(fixed(compose, await dependsFix(compose, 'api', 'db'))).toBe(
      `services:\r\n  api:\r\n    image: acme/api:1\r\n    depends_on:\r\n      db:\r\n        condition: service_healthy\r\n${db.replaceAll('\n', '\r\n')}`,
    );
  });

  it('rewrites a one-line flow list to a flow mapping', async () => {
    const compose = `services:\n  api:\n    image: acme/api:1\n    depends_on: [db, cache] # both\n${db}`;
    expect(fixed(compose, await dependsFix(compose, 'api', 'db'))).toBe(
      `services:\n  api:\n    image: acme/api:1\n    depends_on: { db: { condition: service_healthy }, cache: { condition: service_started } } # both\n${db}`,
    );
  });

  it('sets or adds the condition in the long form, keeping quotes', async () => {
    const set = `services:\n  api:\n    image: acme/api:1\n    depends_on:\n      db:\n        condition: "service_started" # now\n${db}`;
    expect(fixed(set, await dependsFix(set, 'api', 'db'))).toBe(set.replace('"service_started"', '"service_healthy"'));
    const add = `services:\n  api:\n    image: acme/api:1\n    depends_on:\n      db:\n        restart: true\n${db}`;
    expect(fixed(add, await dependsFix(add, 'api', 'db'))).toBe(add.replace('        restart: true\n', '        restart: true\n        condition: service_healthy\n'));
    const empty = `services:\n  api:\n    image: acme/api:1\n    depends_on:\n      db: {}\n${db}`;
    expect(fixed(empty, await dependsFix(empty, 'api', 'db'))).toBe(empty.replace('db: {}', 'db: { condition: service_healthy }'));
  });
});

describe('knownHealthcheckFix', () => {
  async function hcFix(compose: string, service: string): Promise<Fix | undefined> {
    const stack = await stackOf(compose);
    const s = stack.services.find((x) => x.name === service)!;
    return knownHealthcheckFix(stack, s, pulledImage(s));
  }

  it('adds the known probe with timing after the service\'s last key (unsafe)', async () => {
    const compose = 'services:\n  redis: # cache\n    image: redis:7.4.1 # pinned\n\n  api:\n    image: acme/api:1\n';
    const fix = await hcFix(compose, 'redis');
    expect(fix!.safe).toBe(false);
    expect(fixed(compose, fix)).toBe(
      'services:\n  redis: # cache\n    image: redis:7.4.1 # pinned\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n\n  api:\n    image: acme/api:1\n',
    );
  });

  it('gives slow starters a start_period, and leaves unknown images and disabled healthchecks alone', async () => {
    const compose = 'services:\n  ollama:\n    image: ollama/ollama:0.5.7\n  api:\n    image: acme/api:1\n  cache:\n    image: valkey/valkey:8.0.1\n    healthcheck:\n      disable: true\n';
    expect(fixed(compose, await hcFix(compose, 'ollama'))).toContain('      retries: 3\n      start_period: 30s\n  api:');
    expect(await hcFix(compose, 'api')).toBeUndefined();
    expect(await hcFix(compose, 'cache')).toBeUndefined();
  });
});
