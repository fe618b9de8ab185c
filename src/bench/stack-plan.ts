/**
 * The choices that shape one generated stack, made once up front so the base file, the
 * overlays, the `.env` and the Dockerfiles agree with each other.
 */
import { Rng } from './prng.js';
import type { EnvForm } from './yaml-text.js';

export type ServiceKind = 'api' | 'worker' | 'frontend' | 'postgres' | 'redis' | 'vectordb' | 'ollama' | 'open-webui' | 'nginx';

/** Services a stack may add to its api, in the order they are written. */
const OPTIONAL: readonly ServiceKind[] = ['worker', 'frontend', 'postgres', 'redis', 'vectordb', 'ollama', 'open-webui', 'nginx'];
/** How likely each optional service is; the count is then trimmed or topped up to 5–8. */
const LIKELIHOOD: Readonly<Record<string, number>> = {
  worker: 0.6, frontend: 0.45, postgres: 0.85, redis: 0.75, vectordb: 0.95, ollama: 0.8, 'open-webui': 0.45, nginx: 0.6,
};

const TEAMS = ['docs', 'kb', 'support', 'legal', 'hr', 'research', 'code', 'wiki', 'sales', 'med', 'policy', 'ops'];
const PRODUCTS = ['rag', 'search', 'assistant', 'chat', 'qa', 'copilot', 'answers', 'brain'];

export interface StackPlan {
  rng: Rng;
  name: string;
  services: ServiceKind[];
  vector: 'qdrant' | 'chroma';
  apiLang: 'python' | 'node';
  /** The worker builds its own `./worker` context rather than reusing `./api`. */
  workerOwnContext: boolean;
  /** Probability that any one place carries a realistic mistake. */
  sloppiness: number;
  /** `x-logging: &default-logging` referenced by services. */
  loggingAnchor: boolean;
  /** `x-api-common: &api-common` merged into api and worker with `<<:`. */
  mergeKeys: boolean;
  networks: 'none' | 'single' | 'split';
  hasDev: boolean;
  hasProd: boolean;
  /** Which file declares `version:` (an old habit the rules flag). */
  versionField: boolean;
  /** Variables the files reference, with the values `.env` gives them. */
  env: Map<string, string>;
  /** Named volumes the services mount; all are declared. */
  volumes: Set<string>;
  /** Declared but never mounted (left over from an earlier layout). */
  strayVolume: boolean;
}

export function planStack(seed: number, index: number): StackPlan {
  const rng = new Rng(seed);
  const chosen = OPTIONAL.filter((k) => rng.chance(LIKELIHOOD[k]!));
  while (chosen.length < 4) {
    const k = rng.pick(OPTIONAL);
    if (!chosen.includes(k)) chosen.push(k);
  }
  while (chosen.length > 7) chosen.splice(rng.int(0, chosen.length - 1), 1);
  const services: ServiceKind[] = ['api', ...OPTIONAL.filter((k) => chosen.includes(k))];
  const name = `${rng.pick(TEAMS)}-${rng.pick(PRODUCTS)}-${String(index).padStart(4, '0')}`;
  return {
    rng,
    name,
    services,
    vector: rng.chance(0.55) ? 'qdrant' : 'chroma',
    apiLang: rng.chance(0.8) ? 'python' : 'node',
    workerOwnContext: rng.chance(0.3),
    sloppiness: rng.pick([0.05, 0.15, 0.3, 0.5]),
    loggingAnchor: rng.chance(0.35),
    mergeKeys: rng.chance(0.2),
    networks: rng.pick(['none', 'none', 'single', 'split'] as const),
    hasDev: rng.chance(0.7),
    hasProd: rng.chance(0.3),
    versionField: rng.chance(0.25),
    env: new Map([['COMPOSE_PROJECT_NAME', name]]),
    volumes: new Set(),
    strayVolume: rng.chance(0.1),
  };
}

export const has = (p: StackPlan, k: ServiceKind): boolean => p.services.includes(k);

/** A realistic mistake here, at the stack's rate. */
export const sloppy = (p: StackPlan): boolean => p.rng.chance(p.sloppiness);

export const envForm = (p: StackPlan): EnvForm => (p.rng.chance(0.5) ? 'list' : 'map');

/** Registers a variable for `.env` and returns its `${…}` reference. */
export function variable(p: StackPlan, name: string, value: string, withDefault: boolean): string {
  p.env.set(name, value);
  return withDefault ? `\${${name}:-${value}}` : `\${${name}}`;
}

export function useVolume(p: StackPlan, volume: string): string {
  p.volumes.add(volume);
  return volume;
}

/** The vector database's service name as the other services address it. */
export const vectorName = (p: StackPlan): string => p.vector;
