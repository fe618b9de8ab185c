import picomatch from 'picomatch';
import { mapArray } from '../../src/arrays.js';
import { addTopLevelEntriesEdit, appendItemEdit, appendPairEdit, replaceScalarEdit } from '../../src/compose/map-edits.js';
import { longMount, shortMount } from '../../src/compose/mount-edits.js';
import type { ComposeStack, Service, VolumeMount } from '../../src/compose/model.js';
import { insertAt, replaceAt } from '../../src/compose/yaml-scalar.js';
import { getPair, isScalar, isSeq } from '../../src/compose/ynode.js';
import { defineRule, type Edit, type Fix } from '../../src/engine/types.js';
import { dataFinding, type DataFinding } from '../../src/images/data-messages.js';
import { placeData, type Placement } from '../../src/images/data-placement.js';
import { imageKey, normalize, type DataDir } from '../../src/images/known-images.js';
import { knownDataDirs } from '../../src/images/service-data.js';

interface PathOption {
  image?: string;
  service?: string;
  path: string;
}

export default defineRule({
  meta: {
    id: 'named-volume-for-data',
    category: 'mounts',
    summary: "A known image's data directory, or a declared data path, sits on a named volume",
    severity: 'error',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        paths: {
          description: 'Extra data paths: for services whose image (glob) or name (glob) matches',
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path'],
            anyOf: [{ required: ['image'] }, { required: ['service'] }],
            properties: {
              image: { type: 'string', minLength: 1 },
              service: { type: 'string', minLength: 1 },
              path: { type: 'string', pattern: '^/' },
            },
          },
        },
      },
    },
    defaultOptions: { paths: [] },
    fixable: 'unsafe',
  },
  check({ stack, options, report }) {
    const extra = mapArray((options.paths as PathOption[] | undefined) ?? [], (p) => ({
      path: normalize(p.path),
      image: p.image ? picomatch(p.image) : undefined,
      service: p.service ? picomatch(p.service) : undefined,
    }));
    for (const service of stack.services) {
      const { dirs: known, volumes } = knownDataDirs(service);
      const declared: DataDir[] = [];
      for (const p of extra) {
        const imageOk = !p.image || (service.image !== undefined && (p.image(imageKey(service.image)) || p.image(service.image.repository)));
        if (imageOk && (!p.service || p.service(service.name))) {
          declared.push({ path: p.path, why: 'declared in ragcheck options', what: 'data', mountAt: p.path, legacy: [] });
        }
      }
      // The known dirs are shared with other rules: never add to them.
      const dirs = declared.length ? [...known, ...declared] : known;
      if (dirs.length === 0) continue;
      const seen = new Set<string>();
      for (const dir of dirs) {
        if (seen.has(dir.path)) continue;
        seen.add(dir.path);
        const placement = placeData(dir.path, service.volumes, volumes);
        const finding = dataFinding(service, dir, placement, service.image?.span ?? service.keySpan);
        if (!finding) continue;
        const fix = dataVolumeFix(stack, service, dir, placement, finding);
        report({ span: finding.span, message: finding.message, ...(fix && { fix }) });
      }
    }
  },
});

/**
 * Puts the data on a named volume, declared at the top level: a bind or anonymous mount gets
 * a volume name as its source, a mount at an old or shadowed path is moved to the path that
 * holds the data, and a service with no mount there gets one. Unsafe: the container starts on
 * a new, empty volume, and data already written elsewhere stays there until moved by hand.
 */
function dataVolumeFix(stack: ComposeStack, service: Service, dir: DataDir, placement: Placement, { mount, mountAt }: DataFinding): Fix | undefined {
  const name = mount?.type === 'volume' && mount.source ? mount.source : freeName(stack, service);
  let edit: Edit | undefined;
  if (placement.kind === 'bind' || placement.kind === 'anonymous') edit = mount && sourceEdit(stack, mount, name);
  else if (placement.kind === 'tmpfs') return undefined;
  else if (mount) edit = targetEdit(stack, mount, mountAt);
  else edit = newMountEdit(stack, service, `${name}:${mountAt}`);
  if (!edit) return undefined;
  const edits = [edit];
  if (!stack.volumes.some((v) => v.name === name)) {
    const file = stack.sources.get(edit.file);
    const declare = file && addTopLevelEntriesEdit(stack.root, 'volumes', { [name]: '' }, file);
    if (!declare) return undefined;
    edits.push(declare);
  }
  return { title: `Keep ${service.name}'s ${dir.what} on the named volume ${name}`, safe: false, edits };
}

/** `<service>_data`, or with a number when that name is taken. */
function freeName(stack: ComposeStack, service: Service): string {
  const taken = new Set(stack.volumes.map((v) => v.name));
  for (const s of stack.services) for (const m of s.volumes) if (m.source) taken.add(m.source);
  const base = `${service.name.replace(/[^A-Za-z0-9_.-]/g, '_')}_data`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** The mount's host path or missing source becomes the volume name. */
function sourceEdit(stack: ComposeStack, mount: VolumeMount, name: string): Edit | undefined {
  const short = shortMount(mount, stack.sources);
  if (short) {
    const { file, parts, map } = short;
    return parts.length === 1 ? insertAt(file, map(0, 0), `${name}:`) : replaceAt(file, map, 0, parts[0]!, name);
  }
  const long = longMount(mount, stack.sources);
  if (!long || getPair(long.node, 'bind')) return undefined;
  const { file, node } = long;
  const type = getPair(node, 'type');
  const source = getPair(node, 'source');
  if (!type || !isScalar(type.value)) return undefined;
  if (!source) return type.value.value === 'volume' ? appendPairEdit(node, 'source', name, file) : undefined;
  // A bind mount needs both its type and its source changed: one edit over both keeps them together.
  const typeEdit = type.value.value === 'volume' ? undefined : replaceScalarEdit(type.value, 'volume', file);
  const sourceEdit = isScalar(source.value) ? replaceScalarEdit(source.value, name, file) : undefined;
  if (!sourceEdit) return undefined;
  if (!typeEdit) return sourceEdit;
  const [a, b] = typeEdit.start < sourceEdit.start ? [typeEdit, sourceEdit] : [sourceEdit, typeEdit];
  return { file: file.path, start: a.start, end: b.end, text: a.text + file.text.slice(a.end, b.start) + b.text };
}

/** The mount's container path becomes `target`. */
function targetEdit(stack: ComposeStack, mount: VolumeMount, target: string): Edit | undefined {
  const short = shortMount(mount, stack.sources);
  if (short) {
    const { file, parts, map } = short;
    const from = parts.length === 1 ? 0 : parts[0]!.length + 1;
    const old = parts.length === 1 ? parts[0]! : parts[1]!;
    return replaceAt(file, map, from, old, target);
  }
  const long = longMount(mount, stack.sources);
  if (!long) return undefined;
  const t = getPair(long.node, 'target');
  return t && isScalar(t.value) ? replaceScalarEdit(t.value, target, long.file) : undefined;
}

/** A `- name:/path` item in the service's volumes, or a new `volumes:` list. */
function newMountEdit(stack: ComposeStack, service: Service, spec: string): Edit | undefined {
  const file = stack.sources.get(service.node.span.file);
  if (!file) return undefined;
  const volumes = getPair(service.node, 'volumes');
  if (!volumes) return appendPairEdit(service.node, 'volumes', [spec], file);
  return isSeq(volumes.value) ? appendItemEdit(volumes.value, spec, file) : undefined;
}
