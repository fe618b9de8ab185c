import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * Appends `name=value` to the `GITHUB_OUTPUT` file; a value with a line break goes in the
 * heredoc form, under a delimiter it cannot contain.
 */
export function setOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  if (!/[\r\n]/.test(value)) return appendFileSync(file, `${name}=${value}\n`);
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Adds Markdown to the job summary (`GITHUB_STEP_SUMMARY`). */
export function appendSummary(file: string | undefined, markdown: string): void {
  if (file) appendFileSync(file, markdown);
}
