import picomatch from 'picomatch';
import type { Service } from '../../src/compose/model.js';
import { defineRule } from '../../src/engine/types.js';
import { dataFinding } from '../../src/images/data-messages.js';
import { placeData } from '../../src/images/data-placement.js';
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
  },
  check({ stack, options, report }) {
    const extra = ((options.paths as PathOption[] | undefined) ?? []).map((p) => ({
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
        const finding = dataFinding(service, dir, placeData(dir.path, service.volumes, volumes), service.image?.span ?? service.keySpan);
        if (finding) report(finding);
      }
    }
  },
});
