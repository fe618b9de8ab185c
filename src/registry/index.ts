/** Resolving image tags to registry digests for `ragcheck fix --pin-digests`, and reading images for `ragcheck budget`. */
export { resolveDigests, type ResolveOptions } from './resolve.js';
export { formatPinnedRef, pinnedDigest, toRegistryRef, type RegistryRef } from './reference.js';
export { defaultDockerConfigPath } from './credentials.js';
export { isLoopbackHost, registryBaseUrl } from './transport.js';
export { createClient, type ClientOptions } from './client.js';
export { fetchBlob, fetchBlobText, fetchManifest } from './image.js';
export { oneLine } from './errors.js';
