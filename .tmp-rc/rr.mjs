import { resolveCommand } from '/work/main/.tmp-rc/src/cli/resolve-command.js';
const code = await resolveCommand(process.argv.slice(2), { cwd: process.cwd(), stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
process.exitCode = code;
