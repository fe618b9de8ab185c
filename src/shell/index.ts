export type { MappedWord, OffsetMapper, SimpleCommand, Word } from './types.js';
export { analyzeCommands } from './analyze.js';
export { analyzeCommandSpec, serviceCommandSites, type CommandSite } from './compose-command.js';
export { findPackageInstalls, INSTALL_PATTERNS, INSTALL_PREFILTER, mayInstall, type InstallKind, type PackageInstall } from './installs.js';
export { awaitsCommandString, MAX_DEPTH } from './simple-command.js';
export { alignScalar, scalarMapper } from './yaml-scalar.js';
