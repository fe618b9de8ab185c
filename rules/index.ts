import type { Rule, RuleMeta } from '../src/engine/types.js';
import allowedRegistry from './compose/allowed-registry.js';
import aptCleanup from './dockerfile/apt-cleanup.js';
import aptNoRecommends from './dockerfile/apt-no-recommends.js';
import aptPin from './dockerfile/apt-pin.js';
import buildDepsInRuntime from './dockerfile/build-deps-in-runtime.js';
import buildTargetExists from './stack/build-target-exists.js';
import composeSchema from './compose/compose-schema.js';
import copyFromKnownStage from './dockerfile/copy-from-known-stage.js';
import copyNotAdd from './dockerfile/copy-not-add.js';
import copyThenDelete from './dockerfile/copy-then-delete.js';
import cudaInCpuImage from './dockerfile/cuda-in-cpu-image.js';
import dependsOnHealthy from './stack/depends-on-healthy.js';
import devDepsThenBuild from './dockerfile/dev-deps-then-build.js';
import devProdBaseParity from './dockerfile/dev-prod-base-parity.js';
import dockerignoreCoversContext from './compose/dockerignore-covers-context.js';
import envContract from './compose/env-contract.js';
import healthcheckBinaryExists from './stack/healthcheck-binary-exists.js';
import healthcheckRequired from './stack/healthcheck-required.js';
import healthcheckStartPeriod from './compose/healthcheck-start-period.js';
import internalServiceNotPublished from './compose/internal-service-not-published.js';
import jsonCmd from './dockerfile/json-cmd.js';
import layerBudget from './dockerfile/layer-budget.js';
import lockfileInstall from './dockerfile/lockfile-install.js';
import logRotation from './compose/log-rotation.js';
import namedVolumeForData from './compose/named-volume-for-data.js';
import noCdInRun from './dockerfile/no-cd-in-run.js';
import noContainerNameWithScale from './compose/no-container-name-with-scale.js';
import noCredentialsInUrls from './dockerfile/no-credentials-in-urls.js';
import noDebugToolingInProd from './dockerfile/no-debug-tooling-in-prod.js';
import noDevServer from './compose/no-dev-server.js';
import noDevelopWatch from './compose/no-develop-watch.js';
import noDockerSocket from './compose/no-docker-socket.js';
import noDuplicateHostPorts from './compose/no-duplicate-host-ports.js';
import noHardcodedSecret from './compose/no-hardcoded-secret.js';
import noHostNamespaces from './compose/no-host-namespaces.js';
import noHostPathDependence from './compose/no-host-path-dependence.js';
import noLocalhostServiceUrl from './compose/no-localhost-service-url.js';
import noModelsBakedIn from './dockerfile/no-models-baked-in.js';
import noNewPrivileges from './compose/no-new-privileges.js';
import noPrivileged from './compose/no-privileged.js';
import noRuntimeInstall from './compose/no-runtime-install.js';
import noSecretFilesCopied from './dockerfile/no-secret-files-copied.js';
import noSecretsInArgEnv from './dockerfile/no-secrets-in-arg-env.js';
import noSourceBindMount from './compose/no-source-bind-mount.js';
import noSudo from './dockerfile/no-sudo.js';
import noVersionField from './compose/no-version-field.js';
import nonRootUser from './stack/non-root-user.js';
import npmPin from './dockerfile/npm-pin.js';
import pinnedImageTag from './compose/pinned-image-tag.js';
import pipNoCache from './dockerfile/pip-no-cache.js';
import pipPin from './dockerfile/pip-pin.js';
import portsBindInterface from './compose/ports-bind-interface.js';
import requiredVarGuard from './compose/required-var-guard.js';
import resourceLimits from './compose/resource-limits.js';
import restartPolicy from './compose/restart-policy.js';
import sharedVolumeSingleWriter from './compose/shared-volume-single-writer.js';
import shellPipefail from './dockerfile/shell-pipefail.js';
import singleCmdEntrypointHealthcheck from './dockerfile/single-cmd-entrypoint-healthcheck.js';
import unusedDisable from './compose/unused-disable.js';
import volumeDeclared from './compose/volume-declared.js';
import workdirAbsolute from './dockerfile/workdir-absolute.js';

/** Every rule, sorted by id. */
export const allRules: readonly Rule[] = [
  allowedRegistry,
  aptCleanup,
  aptNoRecommends,
  aptPin,
  buildDepsInRuntime,
  buildTargetExists,
  composeSchema,
  copyFromKnownStage,
  copyNotAdd,
  copyThenDelete,
  cudaInCpuImage,
  dependsOnHealthy,
  devDepsThenBuild,
  devProdBaseParity,
  dockerignoreCoversContext,
  envContract,
  healthcheckBinaryExists,
  healthcheckRequired,
  healthcheckStartPeriod,
  internalServiceNotPublished,
  jsonCmd,
  layerBudget,
  lockfileInstall,
  logRotation,
  namedVolumeForData,
  noCdInRun,
  noContainerNameWithScale,
  noCredentialsInUrls,
  noDebugToolingInProd,
  noDevelopWatch,
  noDevServer,
  noDockerSocket,
  noDuplicateHostPorts,
  noHardcodedSecret,
  noHostNamespaces,
  noHostPathDependence,
  noLocalhostServiceUrl,
  noModelsBakedIn,
  noNewPrivileges,
  nonRootUser,
  noPrivileged,
  noRuntimeInstall,
  noSecretFilesCopied,
  noSecretsInArgEnv,
  noSourceBindMount,
  noSudo,
  noVersionField,
  npmPin,
  pinnedImageTag,
  pipNoCache,
  pipPin,
  portsBindInterface,
  requiredVarGuard,
  resourceLimits,
  restartPolicy,
  sharedVolumeSingleWriter,
  shellPipefail,
  singleCmdEntrypointHealthcheck,
  unusedDisable,
  volumeDeclared,
  workdirAbsolute,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

/** Each rule's meta by id: what the formatters describe rules with. */
export const ruleMetas: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((r) => [r.meta.id, r.meta]));

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
