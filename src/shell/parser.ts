import type mvdanSh from 'mvdan-sh';
import { mapArray } from '../arrays.js';
import { gopherJsGuard, mvdanShLib } from '../source/lazy-libs.js';
import { shiftMapper, mapCommand, tableMapper } from './offsets.js';
import { unquoteWord } from './quote.js';
import { fromWords, MAX_DEPTH, readsScriptFromStdin, type Recurse } from './simple-command.js';
import type { MappedWord, SimpleCommand } from './types.js';

type Node = mvdanSh.Node;
type Syntax = mvdanSh.Syntax;

/** Loaded on first use: plain texts never need it, and loading costs ~80 ms. */
let loaded: { syntax: Syntax; parser: mvdanSh.Parser } | undefined;
function load(): NonNullable<typeof loaded> {
  if (!loaded) {
    const restore = gopherJsGuard();
    try {
      const { syntax } = mvdanShLib();
      // One parser for every text: it resets itself on each call, and building one costs more than a parse.
      loaded = { syntax, parser: syntax.NewParser() };
    } finally {
      restore();
    }
  }
  return loaded;
}

/**
 * The simple commands of `text` per mvdan/sh's bash parser, offsets into `text`, unsorted.
 * Throws when the text is not valid shell. Nested `sh -c` bodies and heredocs fed to a shell
 * (or a bare `<<EOF` script) go through `recurse`.
 */
export function parseCommands(text: string, depth: number, recurse: Recurse): SimpleCommand[] {
  const { syntax, parser } = load();
  const root = parser.Parse(text, '');
  const at = utf16Offsets(text);
  const out: SimpleCommand[] = [];

  const word = (n: Node): MappedWord => {
    const start = at(n.Pos().Offset());
    const end = at(n.End().Offset());
    const u = unquoteWord(text.slice(start, end), start);
    return { text: u.text, start, end, map: tableMapper(u.map, u.ends) };
  };
  const heredocs = (stmt: mvdanSh.Stmt, d: number): void => {
    let command: SimpleCommand | null | undefined;
    for (const r of stmt.Redirs) {
      if (!r.Hdoc) continue;
      if (command === undefined) command = stmt.Cmd ? ownCommand(stmt.Cmd, d) : null;
      // A bare `<<EOF` is a script of its own (Dockerfile `RUN <<EOF`); `bash <<EOF` runs one.
      const inner = command === null ? d : command && readsScriptFromStdin(command) ? d + 1 : -1;
      if (inner < 0 || inner > MAX_DEPTH) continue;
      const body = heredocBody(text, at(r.Hdoc.Pos().Offset()), at(r.Hdoc.End().Offset()), r.Word ? word(r.Word).text : '');
      for (const c of recurse(text.slice(body.start, body.end), inner)) out.push(mapCommand(c, shiftMapper(body.start)));
    }
  };
  /** The command a CallExpr runs, wrappers stripped (null when it runs none). */
  const ownCommand = (cmd: Node, d: number): SimpleCommand | null =>
    syntax.NodeType(cmd) === 'CallExpr' ? (fromWords(mapArray((cmd as mvdanSh.CallExpr).Args, word), d, () => [])[0] ?? null) : null;

  const walk = (node: Node, d: number): void =>
    syntax.Walk(node, (n) => {
      if (!n) return true;
      switch (syntax.NodeType(n)) {
        case 'Stmt':
          if ((n as mvdanSh.Stmt).Redirs.length) heredocs(n as mvdanSh.Stmt, d);
          return true;
        case 'CallExpr':
          out.push(...fromWords(mapArray((n as mvdanSh.CallExpr).Args, word), d, recurse));
          return true;
        case 'DeclClause': {
          // `export A=1`, `local x`, `readonly y`: a command like any other for callers.
          const decl = n as mvdanSh.DeclClause;
          out.push(...fromWords([word(decl.Variant), ...decl.Args.map(word)], d, recurse));
          return true;
        }
        case 'CmdSubst':
        case 'ProcSubst':
          if (d < MAX_DEPTH) for (const s of (n as mvdanSh.SubstNode).Stmts) walk(s, d + 1);
          return false;
        default:
          return true;
      }
    });
  walk(root, depth);
  return out;
}

/** A heredoc's body without its delimiter line (mvdan's range ends after the delimiter). */
function heredocBody(text: string, start: number, end: number, delimiter: string): { start: number; end: number } {
  const lastLine = text.lastIndexOf('\n', end - 1) + 1;
  const line = text.slice(Math.max(lastLine, start), end).replace(/^\t+/, '').replace(/\r$/, '');
  return { start, end: line === delimiter ? Math.max(start, lastLine) : end };
}

const ASCII = /^[\x00-\x7f]*$/;

/** mvdan counts UTF-8 bytes; JavaScript strings count UTF-16 units. */
function utf16Offsets(text: string): (byteOffset: number) => number {
  if (ASCII.test(text)) return (b) => b;
  const table: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) table.push(i);
    if (cp > 0xffff) i++;
  }
  table.push(text.length);
  return (b) => table[Math.min(b, table.length - 1)]!;
}
