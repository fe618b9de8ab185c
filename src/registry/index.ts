/** Resolving image tags to registry digests for `ragcheck fix --pin-digests`. */
export { resolveDigests, type DigestResult, type ResolveOptions } from './resolve.js';
export { formatPinnedRef, toRegistryRef, type RegistryRef } from './reference.js';
export { ENV_PASSWORD, ENV_USER, defaultDockerConfigPath } from './credentials.js';
export { isLoopbackHost, registryBaseUrl } from './transport.js';
