export { findSecretFlags, SECRET_FLAG_PREFILTER } from './flags.js';
export { isSecretName, nameTokens } from './names.js';
export { hasUrlPassword, secretValueProblem } from './values.js';
