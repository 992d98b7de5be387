export { toWatchtowerError, type WatchtowerError } from './errors.js';
export { cryptowatchtowerFace, cryptowatchtowerPlugin, REQUEST_PATH, RESULT_PATH } from './plugin.js';
export { type WatchtowerResult, type WatchtowerState, watchtowerResult } from './view.js';
