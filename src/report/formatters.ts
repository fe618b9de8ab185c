import { Chalk } from 'chalk';
import { formatCheckstyle } from './checkstyle.js';
import { formatCodeclimate } from './codeclimate.js';
import type { Formatter } from './format.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

const plain = new Chalk({ level: 0 });

/** Every `--format`, by name. */
export const FORMATTERS = {
  stylish: (diagnostics, ctx) => formatStylish(diagnostics, ctx.sources, ctx.chalk ?? plain),
  json: (diagnostics, ctx) => formatJson(diagnostics, ctx.files),
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  codeclimate: formatCodeclimate,
  checkstyle: formatCheckstyle,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
