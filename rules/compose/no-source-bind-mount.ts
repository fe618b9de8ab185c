import picomatch from 'picomatch';
import { mapArray } from '../../src/arrays.js';
import { isAbsoluteHostPath, isCodeFile, isSystemPath, looksLikeFile } from '../../src/compose/host-paths.js';
import type { ComposeStack, Service, VolumeMount } from '../../src/compose/model.js';
import { contains } from '../../src/images/data-placement.js';
import { normalize } from '../../src/images/known-images.js';
import { knownDataDirs } from '../../src/images/service-data.js';
import { allowOption } from '../../src/engine/allow-option.js';
import { defineRule } from '../../src/engine/types.js';

/** Container paths where images keep their application code. */
const CODE_TARGETS = picomatch(['/app', '/app/**', '/src', '/src/**', '/code', '/code/**', '/usr/src/**', '/workspace', '/workspace/**', '/srv/app', '/srv/app/**', '/opt/app', '/opt/app/**', '/home/*/app', '/home/*/app/**', '/var/www', '/var/www/**']);

/** Folder names that hold data or output, not code: named-volume-for-data judges those. */
const DATA_NAMES = new Set(['data', 'db', 'database', 'storage', 'uploads', 'media', 'logs', 'log', 'cache', '.cache', 'models', 'backups', 'tmp', 'output', 'outputs', 'state']);

const strip = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '') || '.';

export default defineRule({
  meta: {
    id: 'no-source-bind-mount',
    category: 'mounts',
    summary: 'Production services run the code in their image, not code bind-mounted from the host',
    severity: 'error',
    environments: ['prod'],
    ...allowOption,
  },
  check({ stack, options, report }) {
    const allowed = allowList((options.allow as string[] | undefined) ?? []);
    const contexts = buildContexts(stack);
    for (const service of stack.services) {
      for (const mount of service.volumes) {
        if (mount.type !== 'bind' || mount.source === undefined || allowed(mount)) continue;
        if (!isSourceBind(mount, service, contexts)) continue;
        const written = mount.rawSource ?? mount.source;
        report({
          span: mount.span,
          message: `${service.name} bind-mounts ${written || 'a host folder'} into ${mount.target}; in prod the image must carry its code`,
        });
      }
    }
  },
});

function isSourceBind(mount: VolumeMount, service: Service, contexts: string[]): boolean {
  const source = mount.source!;
  if (isAbsoluteHostPath(source) && isSystemPath(source)) return false;
  if (looksLikeFile(source)) return isCodeFile(source);
  const src = strip(source);
  if (src === '.' || src === '..' || src.startsWith('../')) return true;
  if (isDataTarget(mount.target, service)) return false;
  if (CODE_TARGETS(mount.target.replace(/\/+$/, ''))) return true;
  const workdir = service.workingDir ? String(service.workingDir.value) : undefined;
  if (workdir && (mount.target === workdir || mount.target.startsWith(`${workdir.replace(/\/+$/, '')}/`))) return true;
  // A folder that is (or lies in) a build context is source the image was built from.
  return contexts.some((c) => c !== '.' && (src === c || src.startsWith(`${c}/`)));
}

function isDataTarget(target: string, service: Service): boolean {
  const t = normalize(target);
  if (DATA_NAMES.has(t.split('/').pop()!.toLowerCase())) return true;
  return knownDataDirs(service).dirs.some((d) => contains(d.path, t) || contains(d.mountAt, t));
}

function buildContexts(stack: ComposeStack): string[] {
  return stack.services.flatMap((s) => {
    const ctx = s.build?.context?.value;
    return typeof ctx === 'string' && !ctx.includes('://') ? [strip(ctx)] : [];
  });
}

/** `allow` globs match the host path as written; a trailing `:ro` also requires a read-only mount. */
function allowList(patterns: string[]): (m: VolumeMount) => boolean {
  const matchers = mapArray(patterns, (p) => {
    const ro = p.endsWith(':ro');
    const isMatch = picomatch(strip(ro ? p.slice(0, -3) : p), { dot: true });
    return (m: VolumeMount) => (!ro || m.readOnly) && [m.rawSource, m.source].some((s) => s !== undefined && isMatch(strip(s)));
  });
  return (m) => matchers.some((match) => match(m));
}
