import type { Engine, EngineFactoryContext } from '../../core/engine.js';
import { VigilError } from '../../core/errors.js';
import type { JobOptions } from '../../core/jobs/types.js';
import { analyzePath, analyzeSources } from './analyze.js';
import { reportExceeds } from './render/exceeds.js';
import { renderMarkdown } from './render/markdown.js';
import { renderSarif } from './render/sarif.js';
import { renderTable } from './render/table.js';
import type { AnalysisReport, SourceBundle } from './report-types.js';
import type { ContractSourceMeta } from './sources/types.js';

/**
 * Hook for explorer-style targets (`<platform>/<chain>/<address>`), filled by
 * the source providers in ./sources (owned by the SolidityScan face work).
 */
export interface ExplorerSourceHook {
  matches(target: string): boolean;
  /** Validates without I/O; throws INVALID_TARGET / UNSUPPORTED_CHAIN; may return the canonical target. */
  check?(target: string): string | undefined;
  /** The bundle, plus what the explorer reported (name, compiler, proxy), kept in the result as `source`. */
  load(target: string, signal: AbortSignal): Promise<SourceBundle & { meta?: ContractSourceMeta }>;
}

/**
 * Local paths are read only when the factory allows them (`ctx.allowLocalPaths`, set by the
 * CLI's in-process scan). Job options cannot turn it on: they come from API clients.
 */
export interface ContractEngineOptions {
  /** Read files/directories of this machine (the CLI only; never the HTTP API). */
  allowLocalPaths?: boolean;
  sourceResolver?: ExplorerSourceHook;
}

const MAX_INLINE_BYTES = 20 * 1024 * 1024;

function inlineSources(options: JobOptions): Record<string, string> | undefined {
  const s = options.sources;
  if (s === undefined || s === null) return undefined;
  if (typeof s !== 'object' || Array.isArray(s))
    throw new VigilError('INVALID_TARGET', 'options.sources must be an object {path: content}');
  const files: Record<string, string> = {};
  let bytes = 0;
  for (const [path, v] of Object.entries(s)) {
    // Accept both {path: "content"} and standard-JSON {path: {content}}.
    const content =
      typeof v === 'string'
        ? v
        : v && typeof v === 'object' && !Array.isArray(v) && typeof v.content === 'string'
          ? v.content
          : undefined;
    if (content === undefined)
      throw new VigilError('INVALID_TARGET', `options.sources["${path}"] must be a string or {content}`);
    bytes += content.length;
    files[path] = content;
  }
  if (Object.keys(files).length === 0) throw new VigilError('INVALID_TARGET', 'options.sources is empty');
  if (bytes > MAX_INLINE_BYTES) throw new VigilError('PAYLOAD_TOO_LARGE', 'inline sources exceed 20 MiB');
  return files;
}

function stringList(options: JobOptions, key: string): string[] | undefined {
  const v = options[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new VigilError('VALIDATION_FAILED', `options.${key} must be an array of strings`);
  return v as string[];
}

export function createContractEngine(
  ctx: EngineFactoryContext,
  opts: ContractEngineOptions = {},
): Engine<AnalysisReport> {
  const allowLocal = opts.allowLocalPaths ?? ctx.allowLocalPaths ?? false;
  const resolver = opts.sourceResolver;
  return {
    kind: 'contract',
    title: 'Solidity static analysis',
    defaults: { timeoutMs: 120_000, maxAttempts: 1 },
    normalize(target, options) {
      const t = target.trim();
      if (!t) throw new VigilError('INVALID_TARGET', 'empty target');
      stringList(options, 'enabled');
      stringList(options, 'disabled');
      if (inlineSources(options)) return { target: t, options };
      if (resolver?.matches(t)) return { target: resolver.check?.(t) ?? t, options };
      if (!allowLocal) {
        throw new VigilError(
          'INVALID_TARGET',
          'target must be inline sources (options.sources) or an explorer target <platform>/<chain>/<address>',
        );
      }
      return { target: t, options };
    },
    async run(target, options, ectx) {
      const common = {
        signal: ectx.signal,
        onProgress: (pct: number, step: string) => ectx.progress(pct, step),
        ...(stringList(options, 'enabled') ? { enabled: stringList(options, 'enabled')! } : {}),
        ...(stringList(options, 'disabled') ? { disabled: stringList(options, 'disabled')! } : {}),
      };
      const files = inlineSources(options);
      if (files) {
        const remappings = stringList(options, 'remappings');
        return analyzeSources({ files, ...(remappings ? { remappings } : {}) }, common);
      }
      if (resolver?.matches(target)) {
        ectx.progress(1, 'fetching source');
        const { meta, ...bundle } = await resolver.load(target, ectx.signal);
        const report: AnalysisReport & { source?: ContractSourceMeta } = await analyzeSources(bundle, common);
        if (meta) report.source = meta;
        return report;
      }
      if (!allowLocal) throw new VigilError('INVALID_TARGET', 'local paths are not accepted here');
      return analyzePath(target, common);
    },
    render: {
      table: renderTable,
      markdown: renderMarkdown,
      sarif: (r) => renderSarif(r),
      exceeds: reportExceeds,
    },
  };
}
