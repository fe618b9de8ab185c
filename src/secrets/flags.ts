import type { SimpleCommand, Word } from '../shell/types.js';
import { isSecretName } from './names.js';
import { secretValueProblem, type SecretValueProblem } from './values.js';

/** A long option given a hard-coded secret: `--requirepass x`, `--password=x`. */
export interface SecretFlag {
  /** The option as written, without its value: `--requirepass`. */
  flag: string;
  /** Where the value stands: the value word, or the whole `--flag=value` word. */
  at: Word;
  problem: SecretValueProblem;
}

/**
 * Cheap test over raw command text: a long option whose name could be secret-looking. Only
 * texts passing it need a shell parse.
 */
export const SECRET_FLAG_PREFILTER = /--[A-Za-z0-9-]*(?:pass|pwd|secret|token|key|auth|cred)/i;

/** Long options carrying literal secrets in `commands`, in order. Short options are too ambiguous (`-p`). */
export function findSecretFlags(commands: readonly SimpleCommand[], allowed: (flag: string) => boolean = () => false): SecretFlag[] {
  const out: SecretFlag[] = [];
  for (const c of commands) {
    for (let k = 0; k < c.args.length; k++) {
      const word = c.args[k]!;
      if (!word.text.startsWith('--') || word.text === '--') continue;
      const eq = word.text.indexOf('=');
      const flag = eq === -1 ? word.text : word.text.slice(0, eq);
      if (!isSecretName(flag) || allowed(flag)) continue;
      const valueWord = eq === -1 ? c.args[k + 1] : word;
      if (!valueWord || (eq === -1 && valueWord.text.startsWith('-'))) continue;
      const problem = secretValueProblem(eq === -1 ? valueWord.text : word.text.slice(eq + 1), { shell: true });
      if (problem) out.push({ flag, at: valueWord, problem });
      if (eq === -1) k++;
    }
  }
  return out;
}
