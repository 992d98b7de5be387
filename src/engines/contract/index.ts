/** Public surface of the contract engine (Solidity static analysis). */
export { type AnalyzeOptions, analyzeFiles, analyzePath, analyzeSources, listDetectors } from './analyze.js';
export { type ContractEngineOptions, createContractEngine, type ExplorerSourceHook } from './engine.js';
export { reportExceeds } from './render/exceeds.js';
export { renderMarkdown } from './render/markdown.js';
export { renderSarif } from './render/sarif.js';
export { renderTable } from './render/table.js';
export type * from './report-types.js';
export { SEVERITIES } from './report-types.js';
