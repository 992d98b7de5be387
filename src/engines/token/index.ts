export { TOKEN_CHECKS } from './checks/registry.js';
export { createTokenEngine, type TokenEngineOverrides } from './engine.js';
export { FAILURE_REASONS, type FailureReason, reasonOfFailure } from './reasons.js';
export type { TokenScanResult, WatchtowerToken } from './types.js';
