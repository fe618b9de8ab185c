import { mapArray } from '../../src/arrays.js';
import type { EnvEntry, Service } from '../../src/compose/model.js';
import { envValueSpan, exactSpan } from '../../src/compose/env-spans.js';
import { get, str } from '../../src/compose/ynode.js';
import { defineRule, type Fix } from '../../src/engine/types.js';
import { nameTokens } from '../../src/secrets/names.js';
import type { SourceFile } from '../../src/source/source-file.js';
import { servicesByPort } from '../../src/stack/listening.js';

/** `localhost:11434`, `127.0.0.1:5432`, `[::1]:6333`: a loopback host with a port. */
const LOOPBACK = /(?<![\w.-])(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))(?!\d)/gi;
const PREFILTER = /localhost|127\.0\.0\.1|::1/i;

/**
 * Variables a browser or a user reads, not the container: their localhost is the user's
 * machine (`CORS_ORIGINS`, `VITE_API_URL`, `WEBUI_URL`).
 */
const BROWSER_TOKENS = new Set(['ORIGIN', 'ORIGINS', 'CORS', 'ALLOWED', 'TRUSTED', 'REDIRECT', 'CALLBACK', 'PUBLIC', 'EXTERNAL', 'BROWSER', 'FRONTEND', 'SITE', 'DOMAIN', 'CSRF']);
const BROWSER_PREFIXES = ['VITE_', 'NEXT_PUBLIC_', 'REACT_APP_', 'NUXT_PUBLIC_', 'PUBLIC_', 'EXPO_PUBLIC_'];
const BROWSER_NAMES = new Set(['WEBUI_URL', 'APP_URL', 'NEXTAUTH_URL', 'BASE_URL_PUBLIC']);

function browserFacing(name: string): boolean {
  const upper = name.toUpperCase();
  return BROWSER_NAMES.has(upper) || BROWSER_PREFIXES.some((p) => upper.startsWith(p)) || nameTokens(name).some((t) => BROWSER_TOKENS.has(t));
}

export default defineRule({
  meta: {
    id: 'no-localhost-service-url',
    category: 'network',
    summary: 'Containers reach other services of the stack by service name, not localhost',
    severity: 'error',
    fixable: 'unsafe',
  },
  check({ stack, effective, report }) {
    let byPort: ReturnType<typeof servicesByPort> | undefined;
    // Index loops: every environment entry of every stack, mostly before this is optimised,
    // where for…of allocates an iterator result per step.
    const { services } = stack;
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      if (sharesNetwork(service)) continue;
      for (let e = 0; e < service.environment.length; e++) {
        const entry = service.environment[e]!;
        // As written: a URL that only arrives through a variable is the .env's business.
        const text = entry.raw;
        if (!text || !PREFILTER.test(text) || browserFacing(entry.name)) continue;
        byPort ??= servicesByPort(stack, effective);
        for (const m of text.matchAll(LOOPBACK)) {
          const port = Number(m[2]);
          const listeners = byPort.get(port) ?? [];
          // Its own port: localhost is right.
          if (listeners.length === 0 || listeners.includes(service)) continue;
          const names = mapArray(listeners, (s) => s.name);
          const span = envValueSpan(entry, m.index!, m.index! + m[0].length, stack.sources);
          const fix = names.length === 1 ? hostFix(entry, m.index!, m[1]!, names[0]!, stack.sources) : undefined;
          report({
            span,
            message: `${service.name} points ${entry.name} at ${m[0]}, which inside its container is ${service.name} itself; use the service name: ${names.map((n) => `${n}:${port}`).join(' or ')}`,
            ...(fix && { fix }),
          });
        }
      }
    }
  },
});

/** `network_mode: host` (localhost is the host) or `service:x` / `container:x` (localhost is x). */
function sharesNetwork(service: Service): boolean {
  const mode = str(get(service.node, 'network_mode'));
  return mode !== undefined && (mode === 'host' || mode.startsWith('service:') || mode.startsWith('container:'));
}

function hostFix(entry: EnvEntry, from: number, host: string, name: string, sources: ReadonlyMap<string, SourceFile>): Fix | undefined {
  const span = exactSpan(envValueSpan(entry, from, from + host.length, sources), host, sources);
  return span && { title: `Use the ${name} service name`, safe: false, edits: [{ file: span.file, start: span.start, end: span.end, text: name }] };
}
