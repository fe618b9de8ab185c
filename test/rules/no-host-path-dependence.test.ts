import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['no-host-path-dependence'];

describe('no-host-path-dependence', () => {
  it('reports host-path variables at the source part of a short volume', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': [
          'services:',
          '  lamb:',
          '    image: ghcr.io/lamb-project/lamb:0.9.1',
          '    working_dir: ${LAMB_PROJECT_PATH}/backend',
          '    volumes:',
          '      - ${LAMB_PROJECT_PATH}/data:/data',
          '      - "/opt/lamb/kb:/kb"',
          '',
        ].join('\n'),
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'no-host-path-dependence', file: 'compose.yaml', line: 4, column: 18, endLine: 4, endColumn: 46 },
      { ruleId: 'no-host-path-dependence', file: 'compose.yaml', line: 6, column: 9, endLine: 6, endColumn: 34 },
      { ruleId: 'no-host-path-dependence', file: 'compose.yaml', line: 7, column: 10, endLine: 7, endColumn: 22 },
    ]);
    expect(ds[0]!.message).toBe("lamb's working_dir depends on ${LAMB_PROJECT_PATH}, a path on the host; use a named volume or a path inside the image");
    expect(ds[2]!.message).toContain('/opt/lamb/kb');
  });

  it('reports env_file and build context, not the docker socket or devices', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': [
          'services:',
          '  kb:',
          '    build:',
          '      context: ${HOME}/kb',
          '    env_file: /etc/kb/kb.env',
          '    volumes:',
          '      - /var/run/docker.sock:/var/run/docker.sock',
          '      - /dev/dri:/dev/dri',
          '',
        ].join('\n'),
      },
      { rules },
    );
    expect(ds.map((d) => [d.span.line, d.span.column])).toEqual([
      [4, 16],
      [5, 15],
    ]);
  });

  it('honours allowVariables and allowPaths', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  a:\n    image: busybox:1.37\n    volumes:\n      - ${BACKUP_DIR}:/backup\n      - /srv/shared/models:/models:ro\n',
        '.ragcheck.yaml': 'rules:\n  no-host-path-dependence: { allowVariables: [BACKUP_DIR], allowPaths: ["/srv/shared/**"] }\n',
      },
      { rules },
    );
    expect(ds).toEqual([]);
  });
});
