/**
 * The code of a rule's docs as projects to lint: the fenced blocks of its "Example" and "Use
 * instead" sections. A block is a file of the project, named by a first line `# file: <path>`,
 * else `compose.yaml` (yaml) or `Dockerfile` (dockerfile); blocks in other languages (a shell
 * session, a config excerpt) are prose, not files. A block that names a file the project
 * already has starts the next project: an alternative ("or, with a cache mount: …").
 */
export type Project = Record<string, string>;

export interface ExampleProjects {
  example: Project[];
  useInstead: Project[];
}

const DEFAULT_NAME: Readonly<Record<string, string>> = { yaml: 'compose.yaml', dockerfile: 'Dockerfile' };

const FILE_LINE = /^# file: (\S+)[ \t]*\n/;

export function exampleProjects(markdown: string): ExampleProjects {
  return { example: projects(section(markdown, 'Example')), useInstead: projects(section(markdown, 'Use instead')) };
}

/** The text under `## <title>`, up to the next `## ` heading. */
export function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start === -1) return '';
  const body = markdown.slice(start + title.length + 5);
  const next = body.search(/^## /m);
  return next === -1 ? body : body.slice(0, next);
}

function projects(text: string): Project[] {
  const out: Project[] = [];
  let files: Project | undefined;
  for (const m of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) {
    const [, lang, code] = m as unknown as [string, string, string];
    const named = FILE_LINE.exec(code);
    const name = named?.[1] ?? DEFAULT_NAME[lang.toLowerCase()];
    if (!name) continue;
    if (!files || name in files) out.push((files = {}));
    files[name] = named ? code.slice(named[0].length) : code;
  }
  return out;
}
