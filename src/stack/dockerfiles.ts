import type { FileCache } from '../compose/file-cache.js';
import { parseDockerfile } from '../dockerfile/index.js';
import type { DockerfileModel } from '../dockerfile/types.js';
import type { Span } from '../engine/types.js';
import { SourceFile } from '../source/source-file.js';

export type LoadedDockerfile = { ok: true; model: DockerfileModel } | { ok: false; problem: { message: string; span: Span }; file?: SourceFile };

/**
 * Dockerfiles read and parsed once per run, for linking and for their own rules. Unlike
 * compose trees they are kept to the end: the Dockerfile rules run after every stack has said
 * which stages it runs.
 */
export class DockerfileCache {
  private readonly models = new Map<string, Promise<LoadedDockerfile>>();
  private readonly inline = new Map<string, DockerfileModel>();

  constructor(private readonly files: FileCache) {}

  load(absPath: string): Promise<LoadedDockerfile> {
    let m = this.models.get(absPath);
    if (!m) {
      m = this.files.read(absPath).then((r): LoadedDockerfile => {
        if (!r.ok) return r;
        const nul = r.file.text.indexOf('\0');
        if (nul !== -1) return { ok: false, problem: { message: 'File is binary, not a Dockerfile', span: r.file.span(nul, nul + 1) }, file: r.file };
        return { ok: true, model: parseDockerfile(r.file) };
      });
      this.models.set(absPath, m);
    }
    return m;
  }

  /** `dockerfile_inline`: parsed as a file of its own, named after where it is written. */
  loadInline(name: string, text: string): DockerfileModel {
    let m = this.inline.get(name);
    if (!m) {
      m = parseDockerfile(new SourceFile(name, text));
      this.inline.set(name, m);
    }
    return m;
  }

  async all(): Promise<DockerfileModel[]> {
    const loaded = await Promise.all(this.models.values());
    return [...loaded.flatMap((l) => (l.ok ? [l.model] : [])), ...this.inline.values()];
  }

  /** Dockerfiles that were read but could not be parsed at all (binary), with why. */
  async unreadable(): Promise<{ file: SourceFile; problem: { message: string; span: Span } }[]> {
    const loaded = await Promise.all(this.models.values());
    return loaded.flatMap((l) => (!l.ok && l.file ? [{ file: l.file, problem: l.problem }] : []));
  }
}
