import type { Service } from '../compose/model.js';
import { at, get, getPair, isMap, str, type YNode } from '../compose/ynode.js';
import { memoized } from '../memo.js';
import { awaitedToComplete } from './depends-on.js';

/** A service's restart policy and the node that sets it. */
export interface RestartPolicy {
  /** `no`, `always`, `unless-stopped`, `on-failure[:n]`; `deploy.restart_policy` conditions as written (`none`, `on-failure`, `any`). */
  value: string;
  node: YNode;
}

/** Policies that let a container stay exited: `restart` values and `deploy.restart_policy` conditions. */
const LETS_IT_EXIT = new Set(['no', 'none', 'on-failure']);

/**
 * `restart:`, else `deploy.restart_policy` (whose condition defaults to `any`); undefined when
 * neither is set, which Compose runs as `no`.
 */
export function restartPolicy(service: Service): RestartPolicy | undefined {
  const restart = get(service.node, 'restart');
  const value = str(restart);
  if (restart && value !== undefined) return { value, node: restart };
  const policy = at(service.node, 'deploy', 'restart_policy');
  if (!isMap(policy)) return undefined;
  const condition = getPair(policy, 'condition');
  const c = str(condition?.value);
  return c !== undefined ? { value: c, node: condition!.value } : { value: 'any', node: policy };
}

/** Whether a policy leaves a container down once it exits (`on-failure` restarts only crashes). */
export const letsItExit = (policy: RestartPolicy | undefined): boolean => !policy || LETS_IT_EXIT.has(policy.value.split(':')[0]!);

/**
 * One-shot jobs (migrations, model pulls): services another service awaits with
 * `condition: service_completed_successfully` whose restart policy lets them exit. Two rules
 * ask per stack, with the stack's own services array.
 */
export const oneShotJobs = memoized((services: readonly Service[]): ReadonlySet<string> => {
  const awaited = awaitedToComplete(services);
  const jobs = new Set<string>();
  for (const s of services) if (awaited.has(s.name) && letsItExit(restartPolicy(s))) jobs.add(s.name);
  return jobs;
});
