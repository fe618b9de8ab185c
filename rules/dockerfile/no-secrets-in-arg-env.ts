import type { ArgDecl } from '../../src/dockerfile/types.js';
import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule, type Span } from '../../src/engine/types.js';
import { isSecretName } from '../../src/secrets/names.js';
import { secretValueProblem } from '../../src/secrets/values.js';
import { envPairs } from '../../src/dockerfile/env-pairs.js';

type Problem = 'arg' | 'arg-default' | 'literal' | 'default' | 'copied';

const mount = (name: string): string => `RUN --mount=type=secret,id=${name.toLowerCase()},env=${name}`;

/** Messages name the key, never the value. */
const MESSAGES: Readonly<Record<Problem, (name: string) => string>> = {
  arg: (n) => `ARG ${n} passes a secret as a build arg, which the image history keeps; use ${mount(n)} in the step that needs it`,
  'arg-default': (n) => `ARG ${n} has a literal default, so the secret is in the Dockerfile and the image history; drop the ARG and use ${mount(n)}`,
  literal: (n) => `ENV ${n} bakes a literal secret into the image, where every container and docker inspect see it; pass it at run time instead`,
  default: (n) => `ENV ${n} falls back to a literal secret baked into the image; pass it at run time instead`,
  copied: (n) => `ENV ${n} copies a build-time value into the image config, where every container and docker inspect see it; use ${mount(n)} to build and pass it at run time`,
};

function argProblem(decl: ArgDecl): Problem {
  return decl.default !== undefined && secretValueProblem(decl.default) ? 'arg-default' : 'arg';
}

function envProblem(raw: string): Problem | undefined {
  if (raw.trim() === '' || raw === '""' || raw === "''") return undefined;
  const problem = secretValueProblem(raw);
  if (problem) return problem;
  // Only references left: the value comes from an ARG (or the base image) and is now baked in.
  return raw.includes('$') ? 'copied' : undefined;
}

export default defineRule({
  meta: {
    id: 'no-secrets-in-arg-env',
    category: 'secrets',
    summary: 'Secrets reach a build through secret mounts, never ARG or ENV',
    severity: 'error',
    peers: { hadolint: ['DL3064'], trivy: ['AVD-DS-0031'] },
    ...allowOption,
  },
  checkDockerfile({ dockerfile, options, report }) {
    const allowed = allowMatcher(options, { nocase: true });
    const flag = (name: string, problem: Problem | undefined, span: Span) => {
      if (problem && !allowed(name)) report({ span, message: MESSAGES[problem](name) });
    };
    const { file } = dockerfile;
    const args = [...dockerfile.globalArgs, ...dockerfile.stages.flatMap((s) => s.args)];
    for (const decl of args) {
      if (isSecretName(decl.name)) flag(decl.name, argProblem(decl), file.span(decl.span.start, decl.span.start + decl.name.length));
    }
    for (const stage of dockerfile.stages) {
      // Most stages set no secret-named variable: skip them before splitting any ENV.
      if (![...stage.own.env.keys()].some(isSecretName)) continue;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'ENV') continue;
        for (const pair of envPairs(dockerfile, ins)) {
          if (isSecretName(pair.name)) flag(pair.name, envProblem(pair.raw), pair.valueSpan);
        }
      }
    }
  },
});
