import type { Engine, EngineFactoryContext } from '../../core/engine.js';
import type { JobOptions } from '../../core/jobs/types.js';
import { createTargetPolicy, type HostResolver, type TargetPolicy } from '../../core/net/target-policy.js';
import { EntityGraph } from './graph/entity-graph.js';
import { normalizeHostOptions, parseHostOptions } from './options.js';
import { renderMarkdown, renderTable, resultExceeds } from './render.js';
import { scanHost } from './scan-host.js';
import type { HostScanResult } from './types.js';

export interface HostEngineDeps {
  /** Resolver for host name targets (default: the operating system's). */
  resolver?: HostResolver;
  /** Policy override (default: built from config `targetPolicy`). */
  policy?: TargetPolicy;
  /** Extra trusted TLS roots (PEM), e.g. an internal CA. */
  ca?: string[];
  /** Record results in the entity graph (default true when a db is present). */
  ingest?: boolean;
}

/**
 * The host engine: TCP connect scan, service detection, TLS analysis, and
 * ingestion of the result into the entity graph under the job id.
 */
export function createHostEngine(
  ctx: EngineFactoryContext,
  deps: HostEngineDeps = {},
): Engine<HostScanResult> {
  const policy =
    deps.policy ??
    createTargetPolicy(ctx.config.targetPolicy, deps.resolver ? { resolver: deps.resolver } : {});
  const graph = new EntityGraph(ctx.db);
  return {
    kind: 'host',
    title: 'Host scan (ports, services, TLS)',
    defaults: { concurrency: 2, timeoutMs: 15 * 60_000, maxAttempts: 2 },
    async normalize(target: string, options: JobOptions) {
      // Validates the options and checks the target (and every address it resolves to) now, so a
      // denied target is refused at submit time; the scan checks again before connecting.
      const normalizedOptions = normalizeHostOptions(options, ctx.config.host.defaultPorts);
      const resolved = await policy.resolveAndCheck(target);
      return { target: resolved.target, options: normalizedOptions };
    },
    async run(target, options, run) {
      const parsed = parseHostOptions(options);
      const result = await scanHost(target, parsed, {
        policy,
        now: ctx.now,
        signal: run.signal,
        progress: (percent, step) => run.progress(percent, step),
        ...(deps.ca ? { ca: deps.ca } : {}),
      });
      if (deps.ingest !== false) {
        run.progress(97, 'ingest');
        await graph.ingest(run.job.id, result, ctx.now());
      }
      run.progress(100, 'done');
      return result;
    },
    render: { table: renderTable, markdown: renderMarkdown, exceeds: resultExceeds },
  };
}

export { EntityGraph } from './graph/entity-graph.js';
export { scanToStix } from './graph/stix.js';
export type { HostScanResult } from './types.js';
