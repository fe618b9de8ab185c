/** Resolving image tags to registry digests for `ragcheck fix --pin-digests`, and reading images for `ragcheck budget`. */
export { resolveDigests, type DigestResult, type ResolveOptions } from './resolve.js';
export { formatPinnedRef, toRegistryRef, type RegistryRef } from './reference.js';
export { ENV_PASSWORD, ENV_USER, defaultDockerConfigPath } from './credentials.js';
export { isLoopbackHost, registryBaseUrl } from './transport.js';
export { createClient, type Client, type ClientOptions } from './client.js';
export { fetchBlob, fetchBlobText, fetchManifest, type FetchedManifest } from './image.js';
export { oneLine, RegistryError } from './errors.js';
