import type { Rule } from '../src/engine/types.js';
import allowedRegistry from './compose/allowed-registry.js';
import aptCleanup from './dockerfile/apt-cleanup.js';
import aptNoRecommends from './dockerfile/apt-no-recommends.js';
import buildDepsInRuntime from './dockerfile/build-deps-in-runtime.js';
import composeSchema from './compose/compose-schema.js';
import buildTargetExists from './stack/build-target-exists.js';
import copyThenDelete from './dockerfile/copy-then-delete.js';
import dependsOnHealthy from './stack/depends-on-healthy.js';
import devDepsThenBuild from './dockerfile/dev-deps-then-build.js';
import healthcheckBinaryExists from './stack/healthcheck-binary-exists.js';
import healthcheckRequired from './stack/healthcheck-required.js';
import lockfileInstall from './dockerfile/lockfile-install.js';
import namedVolumeForData from './compose/named-volume-for-data.js';
import noHardcodedSecret from './compose/no-hardcoded-secret.js';
import noHostPathDependence from './compose/no-host-path-dependence.js';
import nonRootUser from './stack/non-root-user.js';
import noRuntimeInstall from './compose/no-runtime-install.js';
import noSourceBindMount from './compose/no-source-bind-mount.js';
import noVersionField from './compose/no-version-field.js';
import pipNoCache from './dockerfile/pip-no-cache.js';
import pinnedImageTag from './compose/pinned-image-tag.js';
import unusedDisable from './compose/unused-disable.js';
import volumeDeclared from './compose/volume-declared.js';
// imports: compose-ops
// imports: compose-network
// imports: dockerfile-basics
// imports: dockerfile-policies

/** Every rule, sorted by id. */
export const allRules: readonly Rule[] = [
  allowedRegistry,
  aptCleanup,
  aptNoRecommends,
  buildDepsInRuntime,
  buildTargetExists,
  composeSchema,
  copyThenDelete,
  dependsOnHealthy,
  devDepsThenBuild,
  healthcheckBinaryExists,
  healthcheckRequired,
  lockfileInstall,
  namedVolumeForData,
  noHardcodedSecret,
  noHostPathDependence,
  nonRootUser,
  noRuntimeInstall,
  noSourceBindMount,
  noVersionField,
  pipNoCache,
  pinnedImageTag,
  unusedDisable,
  volumeDeclared,
  // rules: compose-ops
  // rules: compose-network
  // rules: dockerfile-basics
  // rules: dockerfile-policies
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
