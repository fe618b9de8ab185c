/**
 * The code of a rule's docs as projects to lint: the fenced blocks of its "Example" and "Use
 * instead" sections. A block is a file of the project, named by a first line `# file: <path>`,
 * else `compose.yaml` (yaml) or `Dockerfile` (dockerfile); blocks in other languages (a shell
 * session, a config excerpt) are prose, not files.
 */
export interface ExampleProjects {
  example: Record<string, string>;
  useInstead: Record<string, string>;
}

const DEFAULT_NAME: Readonly<Record<string, string>> = { yaml: 'compose.yaml', dockerfile: 'Dockerfile' };

const FILE_LINE = /^# file: (\S+)[ \t]*\n/;

export function exampleProjects(markdown: string): ExampleProjects {
  return { example: project(section(markdown, 'Example')), useInstead: project(section(markdown, 'Use instead')) };
}

/** The text under `## <title>`, up to the next `## ` heading. */
export function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start === -1) return '';
  const body = markdown.slice(start + title.length + 5);
  const next = body.search(/^## /m);
  return next === -1 ? body : body.slice(0, next);
}

function project(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) {
    const [, lang, code] = m as unknown as [string, string, string];
    const named = FILE_LINE.exec(code);
    const name = named?.[1] ?? DEFAULT_NAME[lang];
    if (!name) continue;
    if (name in files) throw new Error(`two blocks for ${name}: name them with a first line "# file: <path>"`);
    files[name] = named ? code.slice(named[0].length) : code;
  }
  return files;
}
