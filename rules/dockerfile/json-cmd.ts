import { replaceArgs } from '../../src/dockerfile/edits.js';
import { execsLast, jsonArray, plainArgv } from '../../src/dockerfile/exec-form.js';
import type { ExecOrShell } from '../../src/dockerfile/types.js';
import { defineRule, type Fix } from '../../src/engine/types.js';
import type { SourceFile } from '../../src/source/source-file.js';
import { stageLabel } from '../../src/stack/stage-image.js';

export default defineRule({
  meta: {
    id: 'json-cmd',
    category: 'runtime',
    summary: 'CMD and ENTRYPOINT of the image that runs use the exec (JSON) form, so the process gets signals',
    severity: 'warning',
    fixable: 'unsafe',
    peers: { hadolint: ['DL3025'] },
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    const seen = new Set<ExecOrShell>();
    for (const stage of runtimeStages) {
      for (const [command, keyword] of [[stage.effective.entrypoint, 'ENTRYPOINT'], [stage.effective.cmd, 'CMD']] as const) {
        if (!command || command.form !== 'shell' || seen.has(command)) continue;
        seen.add(command);
        const script = command.script ?? '';
        if (script.trim() === '' || execsLast(script)) continue;
        const argv = plainArgv(script);
        // Exec form hands CMD to the ENTRYPOINT as arguments, which shell form ignored.
        const fix = argv && (keyword === 'CMD' || !stage.effective.cmd) ? execFormFix(dockerfile.file, command, argv) : undefined;
        report({
          span: command.instruction.argsSpan,
          message: `${keyword} of ${stageLabel(dockerfile, stage)} is in shell form, so /bin/sh runs as PID 1 and the process never receives SIGTERM from docker stop; write it in exec form (${keyword} ${fix ? fix.edits[0]!.text : '["executable", "arg"]'})${fix ? '' : ' or end the command with exec'}`,
          ...(fix && { fix }),
        });
      }
    }
  },
});

function execFormFix(file: SourceFile, command: ExecOrShell, argv: readonly string[]): Fix | undefined {
  const edit = replaceArgs(file, command.instruction, jsonArray(argv));
  return edit && { title: `Write ${command.instruction.keyword} in exec form`, safe: false, edits: [edit] };
}
