import { stageChain } from '../../src/dockerfile/chain.js';
import type { DockerfileModel, Stage, StageBase } from '../../src/dockerfile/types.js';
import { ENVIRONMENT_WORDS } from '../../src/discover/patterns.js';
import { defineRule } from '../../src/engine/types.js';
import { imageKey } from '../../src/images/known-images.js';

type ImageBase = Extract<StageBase, { kind: 'image' }>;

/** Name words of the two roles (`Dockerfile.dev`, `dev.Dockerfile`, `Dockerfile.production`). */
const roleWords = (env: string): string[] => Object.keys(ENVIRONMENT_WORDS).filter((w) => ENVIRONMENT_WORDS[w] === env && w !== 'override');
const ROLE_WORD = new RegExp(`(^|[._-])(${[...roleWords('dev'), ...roleWords('prod')].join('|')})(?=$|[._-])`, 'gi');
const DEV_WORDS = new Set(roleWords('dev'));

interface Role {
  family: string;
  dev: boolean;
}

/** Each Dockerfile is asked about by every sibling in its folder, and file names repeat: work a role out once. */
const roles = new Map<string, Role>();

function role(path: string): Role {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let r = roles.get(name);
  if (!r) roles.set(name, (r = nameRole(name.toLowerCase())));
  return r;
}

/** `Dockerfile.dev` → dev of `dockerfile`; `api.Dockerfile` → prod of `api.dockerfile`. */
function nameRole(name: string): Role {
  let dev = false;
  const family = name.replace(ROLE_WORD, (_m, _sep: string, word: string) => {
    dev ||= DEV_WORDS.has(word);
    return '';
  });
  return { family: family.replace(/^[._-]+/, ''), dev };
}

/** The image a stage finally sits on, through FROM-<stage> chains. */
function rootImage(model: DockerfileModel, stage: Stage): ImageBase | undefined {
  const base = stageChain(model, stage)[0]!.base;
  return base.kind === 'image' ? base : undefined;
}

const shown = (b: ImageBase): string => `${imageKey(b.ref)}:${b.ref.tag ?? 'latest'}`;
const fileName = (m: DockerfileModel): string => m.file.path.slice(m.file.path.lastIndexOf('/') + 1);

export default defineRule({
  meta: {
    id: 'dev-prod-base-parity',
    category: 'images',
    summary: 'Dockerfile and Dockerfile.dev build on the same base image and tag',
    severity: 'warning',
  },
  checkDockerfile({ dockerfile, runtimeStages, siblings = [], report }) {
    const me = role(dockerfile.file.path);
    if (me.dev) return;
    const devs = siblings.filter((s) => {
      const r = role(s.file.path);
      return r.dev && r.family === me.family;
    });
    if (devs.length === 0) return;
    const prodBases = new Map<string, ImageBase>();
    for (const stage of runtimeStages) {
      const base = rootImage(dockerfile, stage);
      if (base) prodBases.set(shown(base), base);
    }
    for (const dev of devs) {
      const last = dev.stages.at(-1);
      const devBase = last && rootImage(dev, last);
      if (!devBase) continue;
      for (const [text, base] of prodBases) {
        if (text === shown(devBase)) continue;
        report({
          span: base.span,
          related: [devBase.span],
          message: `${fileName(dockerfile)} builds on ${text} but ${fileName(dev)} on ${shown(devBase)}; use the same base image and tag so development runs what ships`,
        });
      }
    }
  },
});
