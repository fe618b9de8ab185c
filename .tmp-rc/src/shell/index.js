export { analyzeCommands } from './analyze.js';
export { analyzeCommandSpec } from './compose-command.js';
export { findPackageInstalls, INSTALL_PATTERNS, INSTALL_PREFILTER, mayInstall } from './installs.js';
export { MAX_DEPTH } from './simple-command.js';
export { alignScalar, scalarMapper } from './yaml-scalar.js';
