export type * from './types.js';
export { parseDockerfile, targetStage, withBuildArgs, type ParseOptions } from './parse.js';
