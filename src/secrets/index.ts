export { findSecretFlags, SECRET_FLAG_PREFILTER, type SecretFlag } from './flags.js';
export { isSecretName, nameTokens } from './names.js';
export { hasUrlPassword, secretValueProblem, type SecretValueProblem, type ValueOptions } from './values.js';
