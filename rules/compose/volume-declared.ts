import { addTopLevelEntriesEdit, removePairEdit } from '../../src/compose/map-edits.js';
import type { ComposeStack, Declared } from '../../src/compose/model.js';
import { isMap } from '../../src/compose/ynode.js';
import { defineRule, type Edit, type Fix, type Span } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'volume-declared',
    category: 'mounts',
    summary: 'Named volumes that services use are declared at the top level, and declared ones are used',
    severity: 'error',
    fixable: 'unsafe',
  },
  check({ stack, report }) {
    const declared = new Set(stack.volumes.map((v) => v.name));
    const used = new Set<string>();
    /** Undeclared names by the file whose mounts use them: one declaration edit per file. */
    const missing = new Map<string, Set<string>>();
    const findings: { span: Span; message: string }[] = [];
    for (const service of stack.services) {
      for (const mount of service.volumes) {
        if (mount.type !== 'volume' || !mount.source) continue;
        used.add(mount.source);
        if (declared.has(mount.source)) continue;
        const file = mount.sourceSpan.file;
        missing.set(file, (missing.get(file) ?? new Set()).add(mount.source));
        findings.push({ span: mount.sourceSpan, message: `${service.name} mounts volume "${mount.source}", which is not declared under the top-level volumes:` });
      }
    }
    const fixes = new Map([...missing].map(([file, names]) => [file, declareFix(stack, file, names)]));
    for (const f of findings) {
      const fix = fixes.get(f.span.file);
      report({ ...f, ...(fix && { fix }) });
    }
    for (const v of stack.volumes) {
      if (used.has(v.name)) continue;
      const fix = removeFix(stack, v);
      // An overlay of the same base file may be the one that uses it: only say so if none does.
      report({ span: v.keySpan, message: `Volume "${v.name}" is declared but no service mounts it`, severity: 'warning', everyStack: true, ...(fix && { fix }) });
    }
  },
});

/**
 * Declares every undeclared volume the file's mounts use, in one edit that all its findings
 * share (so one pass declares them all). Unsafe: a misspelt name gets a new, empty volume
 * where Compose would have refused to start.
 */
function declareFix(stack: ComposeStack, path: string, names: ReadonlySet<string>): Fix | undefined {
  const file = stack.sources.get(path);
  const edit: Edit | undefined = file && addTopLevelEntriesEdit(stack.root, 'volumes', Object.fromEntries([...names].map((n) => [n, ''])), file);
  return edit && { title: `Declare volume${names.size > 1 ? 's' : ''} ${[...names].join(', ')}`, safe: false, edits: [edit] };
}

/** Removes an unused declaration (and an emptied `volumes:`); unsafe, as its driver settings go with it. */
function removeFix(stack: ComposeStack, v: Declared): Fix | undefined {
  const section = stack.root.pairs.find((p) => p.key === 'volumes' && p.keySpan.file === v.keySpan.file);
  const file = stack.sources.get(v.keySpan.file);
  if (!section || !file || !isMap(section.value)) return undefined;
  const pair = section.value.pairs.find((p) => p.keySpan === v.keySpan);
  const edit = pair && removePairEdit(section.value, pair, file, section);
  return edit && { title: `Remove the unused volume ${v.name}`, safe: false, edits: [edit] };
}
