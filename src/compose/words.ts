const QUOTING = /["'\\]/;

/**
 * Splits a string-form `command:` into argv the way Compose does (shell-style words, quotes
 * and backslashes honoured, no expansion). Unbalanced quotes keep the rest as one word.
 */
export function splitWords(text: string): string[] {
  // Without quotes or backslashes, words are the runs between white space.
  if (!QUOTING.test(text)) {
    const t = text.trim();
    return t === '' ? [] : t.split(/\s+/);
  }
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
