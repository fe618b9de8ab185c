import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-container-name-with-scale.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });

describe('no-container-name-with-scale', () => {
  it('reports container_name with replicas or scale above 1, at the name (two findings)', async () => {
    const compose = 'services:\n  worker:\n    image: acme/worker:1\n    container_name: rag-worker\n    deploy:\n      replicas: 3\n  embed:\n    image: acme/embed:1\n    container_name: "rag-embed"\n    scale: 2\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 21, endLine: 4, endColumn: 31 },
      { line: 9, column: 21, endLine: 9, endColumn: 32 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'worker sets container_name rag-worker and deploy.replicas: 3, but Compose cannot start two containers under one name; drop container_name',
      'embed sets container_name rag-embed and scale: 2, but Compose cannot start two containers under one name; drop container_name',
    ]);
    expect(ds[0]!.related?.map((s) => s.line)).toEqual([6]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reads replicas set by interpolation', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  w:\n    image: acme/w:1\n    container_name: w\n    deploy:\n      replicas: ${WORKERS:-4}\n' }, { rules: [id] });
    expect(ds).toHaveLength(1);
  });

  it('leaves one replica, and scaled services without a name, alone', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    container_name: a\n    deploy:\n      replicas: 1\n  b:\n    image: acme/b:1\n    scale: 3\n  c:\n    image: acme/c:1\n    container_name: c\n';
    expect(await lint(compose)).toEqual([]);
  });
});
