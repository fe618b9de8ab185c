export type { MappedWord, OffsetMapper, SimpleCommand, Word } from './types.js';
export { analyzeCommands } from './analyze.js';
export { analyzeCommandSpec, serviceCommandSites, type CommandSite } from './compose-command.js';
export { findPackageInstalls, INSTALL_PATTERNS, INSTALL_PREFILTER, mayInstall, type InstallKind, type PackageInstall } from './installs.js';
export {
  aptInstalls, apkAdds, cachesUnder, CACHES, CACHE_COMMANDS, cleansAptLists, cleansCache, findCleanups, flagValues, hasFlag, installOps, MANAGERS,
  NO_CACHE_FLAGS, npmOps, omitsDevDependencies, packageOps, pipInstalls, skipsRecommends, usesCpuWheels, uvOps,
  type CacheKind, type Cleanup, type Manager, type PackageAction, type PackageFlag, type PackageOp, type PackageSpec,
} from './packages.js';
export { analyzeMappedScript, analyzeScript, joinPieces, rangeMapper, type ScriptPiece, type ToFile } from './script.js';
export { awaitsCommandString, MAX_DEPTH, readsScriptFromStdin } from './simple-command.js';
export { alignScalar, scalarMapper } from '../compose/yaml-scalar.js';
