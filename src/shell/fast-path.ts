/**
 * Whether a text is plain enough for the tokenizer to split exactly as a shell would: words,
 * quotes, `$VAR` / `${VAR}`, comments, line continuations, `&&`, `||`, `;`, `|`, `&`, newlines and
 * output redirections. Anything else (`$(…)`, backticks, subshells, braces, heredocs and input
 * redirections, `if` / `for` / `case` / `[[`…) goes to the real parser. Most RUN bodies and
 * compose commands are plain, and the tokenizer is about a hundred times faster than a parse.
 */
export function isPlainScript(text: string): boolean {
  const n = text.length;
  let atCommand = true;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
    } else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      atCommand = true;
      i++;
    } else if (c === '>') {
      i += text[i + 1] === '>' || text[i + 1] === '&' || text[i + 1] === '|' ? 2 : 1;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl;
    } else {
      const end = plainWordEnd(text, i);
      if (end < 0) return false;
      const word = text.slice(i, end);
      if (atCommand && RESERVED.has(word)) return false;
      // `2>` / `2>&1`: a redirection's fd number is not a command word.
      if (!(text[end] === '>' && /^\d+$/.test(word))) atCommand = ASSIGNMENT.test(word);
      i = end;
    }
  }
  return true;
}

/** Shell reserved words and bash keywords: their grammar is the parser's job. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select', 'function', 'coproc', '{', '}', '!', '[[', ']]', 'in']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Ends a word outside quotes. */
const BREAK = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '>']);
/** Never plain outside quotes. */
const SPECIAL = new Set(['(', ')', '`', '<', '{', '}']);
/** The inside of `${…}` when it is a plain parameter (`${VAR}`, `${VAR:-x}`, `${#VAR}`). */
const PARAM = /\$\{[#!]?[A-Za-z0-9_@*?]+(?:(?::?[-+=?]|##?|%%?|:)[^"'`$(){}\\]*)?\}/y;

/** The end of the plain word at `i`, or -1 when the word needs the parser. */
function plainWordEnd(text: string, i: number): number {
  const n = text.length;
  let quote: '"' | "'" | null = null;
  while (i < n) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      i++;
    } else if (c === '\\') {
      // A line continuation right before a break ends the word; inside a word it joins.
      if (text[i + 1] === '\n' && !quote && (i + 2 >= n || BREAK.has(text[i + 2]!))) return i;
      i += 2;
    } else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      PARAM.lastIndex = i;
      if (!PARAM.test(text)) return -1;
      i = PARAM.lastIndex;
    } else if (c === '"') {
      quote = quote ? null : '"';
      i++;
    } else if (quote) {
      if (c === '`') return -1;
      i++;
    } else if (c === "'") {
      quote = "'";
      i++;
    } else if (BREAK.has(c)) {
      return i;
    } else if (SPECIAL.has(c)) {
      return -1;
    } else {
      i++;
    }
  }
  // An unterminated quote is for the parser to refuse.
  return quote ? -1 : Math.min(i, n);
}
