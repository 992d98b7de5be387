export { URL_API_CODES } from './codes.js';
export type { UrlDetectData, UrlDetectEnvelope } from './envelope.js';
export { DETECT_URL_PATH, hashditUrlFace, hashditUrlPlugin, POLLING_INTERVAL_MS } from './plugin.js';
