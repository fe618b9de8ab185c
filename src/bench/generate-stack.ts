/**
 * One stack folder as a map of relative path → text. The base file is written first because
 * writing it decides which variables `.env` must define and which contexts need a Dockerfile.
 */
import { baseCompose, devOverlay, dotEnv, prodOverlay } from './compose-files.js';
import { DOCKERIGNORE, frontendDockerfile, nginxConf, nodeApiDockerfile, pythonApiDockerfile, pythonDevDockerfile, workerDockerfile } from './dockerfiles.js';
import { has, planStack } from './stack-plan.js';

export interface GeneratedStack {
  /** Folder name, unique within the corpus. */
  dir: string;
  files: Map<string, string>;
}

export function generateStack(seed: number, index: number): GeneratedStack {
  const p = planStack(seed, index);
  const files = new Map<string, string>();
  files.set('compose.yaml', baseCompose(p));
  if (p.hasDev) files.set('compose.dev.yaml', devOverlay(p));
  if (p.hasProd) files.set('compose.prod.yaml', prodOverlay(p));
  files.set('.env', dotEnv(p));

  files.set('api/Dockerfile', p.apiLang === 'python' ? pythonApiDockerfile(p) : nodeApiDockerfile(p));
  files.set('api/.dockerignore', DOCKERIGNORE);
  if (p.apiLang === 'python' && p.rng.chance(0.3)) files.set('api/Dockerfile.dev', pythonDevDockerfile(p));
  if (has(p, 'worker') && p.workerOwnContext) files.set('worker/Dockerfile', workerDockerfile(p));
  if (has(p, 'frontend')) {
    files.set('frontend/Dockerfile', frontendDockerfile(p));
    files.set('frontend/nginx.conf', nginxConf());
  }
  if (has(p, 'nginx')) files.set('nginx/nginx.conf', nginxConf());
  return { dir: p.name, files };
}
