/** Parses Docker image references: `[registry/]repository[:tag][@digest]`. */
export interface ParsedImageRef {
  registry?: string;
  /** Path without registry; Docker Hub's implicit `library/` is dropped (`postgres`, `qdrant/qdrant`). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Names Docker Hub answers to; images there drop the implicit `library/`. */
export const DOCKER_HUB: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function parseImageRef(text: string): ParsedImageRef | undefined {
  const t = text.trim();
  if (!t || /\s/.test(t)) return undefined;
  let rest = t;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    // A first component with a dot, a port or `localhost` is a registry host (Docker's rule).
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if (!rest || (tag !== undefined && tag === '')) return undefined;
  const repository = registry === undefined || DOCKER_HUB.has(registry) ? rest.replace(/^library\//, '') : rest;
  return { registry: registry || undefined, repository, tag, digest: digest || undefined };
}
