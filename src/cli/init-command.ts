import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { renderTemplate, resolveOptions } from '../init/render.js';
import { listTemplates, TemplateError, type Template } from '../init/templates.js';
import { existingFiles, writeRendered } from '../init/write-template.js';

export interface InitIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage: ragcheck init                   List the templates and their options
       ragcheck init <template> [dir] [--<option> <value>…] [--force] [--dry-run]

Renders a reference stack into dir (default: the current folder; created if missing).
  --force     Overwrite files that already exist
  --dry-run   Print the files that would be written, and write nothing
`;

interface Args {
  template?: string;
  dir?: string;
  options: Record<string, string>;
  force: boolean;
  dryRun: boolean;
  help: boolean;
}

/** `ragcheck init`: 0 listed or written, 2 usage error, unknown template or option, or files in the way. */
export function initCommand(argv: string[], io: InitIo): number {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    io.stderr(`ragcheck init: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  const templates = listTemplates();
  if (!args.template) {
    io.stdout(listing(templates));
    return 0;
  }
  const template = templates.find((t) => t.name === args.template);
  if (!template) {
    io.stderr(`ragcheck init: unknown template "${args.template}" (templates: ${templates.map((t) => t.name).join(', ') || 'none'})\n`);
    return 2;
  }
  try {
    return render(template, args, io);
  } catch (e) {
    if (e instanceof TemplateError) {
      io.stderr(`ragcheck init: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function render(template: Template, args: Args, io: InitIo): number {
  const options = resolveOptions(template, args.options);
  const files = renderTemplate(template, options);
  const dirArg = args.dir ?? '.';
  const dir = path.resolve(io.cwd, dirArg);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    io.stderr(`ragcheck init: ${dirArg} exists and is not a folder\n`);
    return 2;
  }
  const chosen = Object.entries(options).map(([k, v]) => `--${k} ${v}`).join(' ');
  const clashes = existingFiles(dir, files);
  if (args.dryRun) {
    io.stdout(`Would write ${files.length} files into ${dirArg} (${template.name}${chosen ? ` ${chosen}` : ''}):\n`);
    for (const f of files) io.stdout(`  ${f.path}  (${Buffer.byteLength(f.text)} bytes)${clashes.includes(f.path) ? (args.force ? '  overwrites' : '  exists') : ''}\n`);
    return 0;
  }
  if (clashes.length > 0 && !args.force) {
    io.stderr(`ragcheck init: these files exist in ${dirArg} and would be overwritten; nothing was written (use --force to overwrite):\n${clashes.map((f) => `  ${f}\n`).join('')}`);
    return 2;
  }
  writeRendered(dir, files);
  io.stdout(`Wrote ${template.name}${chosen ? ` (${chosen})` : ''} into ${dirArg}:\n${files.map((f) => `  ${f.path}\n`).join('')}`);
  io.stdout(nextSteps(dirArg));
  return 0;
}

function nextSteps(dir: string): string {
  const cd = dir === '.' ? '' : `  cd ${/^[\w./-]+$/.test(dir) ? dir : JSON.stringify(dir)}\n`;
  return `
Next:
${cd}  cp .env.example .env          # then fill in every value
  ragcheck lint                    # the prod and dev stacks, as .ragcheck.yaml declares them
  docker compose -f compose.yaml -f compose.dev.yaml up -d --build     # development
  docker compose -f compose.yaml -f compose.prod.yaml up -d            # production, with TLS
`;
}

function listing(templates: readonly Template[]): string {
  if (templates.length === 0) return 'No templates are installed.\n';
  const lines = ['Templates (ragcheck init <template> [dir] [--<option> <value>…]):', ''];
  for (const t of templates) {
    lines.push(`  ${t.name}`, `      ${t.description}`);
    for (const [name, o] of Object.entries(t.options)) {
      lines.push(`      --${name} ${o.values.join('|')}  (default ${o.default})${o.description ? `: ${o.description}` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function parse(argv: readonly string[]): Args {
  const out: Args = { options: {}, force: false, dryRun: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force') out.force = true;
    else if (a === '--dry-run') out.dryRun = true;
    else if (a === '-h' || a === '--help') out.help = true;
    else if (a === '--') positional.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new Error(`--${name} needs a value`);
      out.options[name] = value;
    } else if (a.startsWith('-') && a !== '-') throw new Error(`unknown flag ${a}`);
    else positional.push(a);
  }
  if (positional.length > 2) throw new Error(`too many arguments: ${positional.slice(2).join(' ')}`);
  [out.template, out.dir] = positional;
  return out;
}
