import type { Edit } from '../engine/types.js';
import { lineEnding } from '../source/lines.js';
import type { ComposeStack } from './model.js';
import { requiresVar, varUses } from './var-refs.js';
import type { YNode } from './ynode.js';

/**
 * Documents the variables in the project's `.env.example`, one `NAME=` line each, at its end;
 * when there is none it is created, with every variable the stack requires, so that
 * env-contract, which reads it once it exists, finds the contract complete. Loading takes a
 * required variable the file documents as set elsewhere, so fixes that make a variable required
 * document it in the same pass. Every fix of a rule in one stack carries the same edit, made for
 * all their variables, so they apply together.
 */
export function envExampleEdit(stack: ComposeStack, vars: readonly string[]): Edit | undefined {
  const example = stack.envExample;
  const documented = new Set(example?.names.map((n) => n.name));
  // Findings of several services often name the same variable: each is documented once.
  const add = [...new Set(vars)].filter((v) => !documented.has(v));
  if (add.length === 0) return undefined;
  if (example) {
    const file = example.file;
    const eol = lineEnding(file);
    const lead = file.text === '' || file.text.endsWith('\n') ? '' : eol;
    return { file: file.path, start: file.text.length, end: file.text.length, text: lead + add.map((v) => `${v}=${eol}`).join('') };
  }
  const compose = stack.sources.get(stack.files[0] ?? '');
  const eol = compose ? lineEnding(compose) : '\n';
  const names = [...new Set([...requiredVars(stack.root), ...add])];
  const path = stack.projectDir === '.' ? '.env.example' : `${stack.projectDir}/.env.example`;
  return { file: path, start: 0, end: 0, text: names.map((v) => `${v}=${eol}`).join('') };
}

/** Variables the stack reads with no default, outside other references' defaults. */
function requiredVars(root: YNode): string[] {
  const out: string[] = [];
  for (const { ref, nested } of varUses(root)) if (!nested && requiresVar(ref)) out.push(ref.name);
  return out;
}
