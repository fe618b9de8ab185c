import { analyzeCommands } from '../shell/analyze.js';

/** A word the shell passes on unchanged once its quotes are removed: no expansion, glob or operator. */
const WORD = /[ \t\r\n]*((?:[^\s'"\\$`|&;<>(){}*?[\]~#!]|'[^']*'|"[^"$`\\!]*")+)/y;
const QUOTED = /'([^']*)'|"([^"]*)"/g;
/** First words that are shell syntax or builtins, not programs exec form could run. */
const SHELL_WORDS = new Set(['cd', 'set', 'export', 'source', '.', 'eval', 'ulimit', 'umask', 'trap', 'test', '[', 'if', 'for', 'while', 'until', 'case', 'true', 'false', 'exit', 'unset', 'alias', 'read', 'wait', 'shift', 'echo', 'printf']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The argv a shell-form command line means when it is a plain word list (`uvicorn app:app
 * --port 8000`, `exec node server.js`), for writing it in exec form; undefined when the shell
 * does more than split words (variables, operators, globs, redirections, assignments, builtins).
 */
export function plainArgv(script: string): string[] | undefined {
  const words: string[] = [];
  WORD.lastIndex = 0;
  let end = 0;
  for (let m = WORD.exec(script); m; m = WORD.exec(script)) {
    words.push(m[1]!.replace(QUOTED, '$1$2'));
    end = WORD.lastIndex;
  }
  if (script.slice(end).trim() !== '' || words.length === 0) return undefined;
  if (words[0] === 'exec') words.shift();
  const first = words[0];
  if (first === undefined || SHELL_WORDS.has(first) || ASSIGNMENT.test(first)) return undefined;
  return words;
}

/**
 * Whether a shell-form command line ends by `exec`ing its program, so the program replaces the
 * shell as PID 1 and receives signals (`exec uvicorn …`, `cd /app && exec node server.js`).
 */
export function execsLast(script: string): boolean {
  const top = analyzeCommands(script).filter((c) => c.depth === 0);
  const last = top[top.length - 1];
  return !!last && last.wrappers[0] === 'exec' && !/(?:^|[^&])&(?!&)\s*$/.test(script.slice(last.end));
}

/** Strings as a JSON array: a Dockerfile's exec form, a compose flow list. */
export const jsonArray = (items: readonly string[]): string => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
