import { z } from 'zod';
import { formatZodIssues } from '../../core/config.js';
import { VigilError } from '../../core/errors.js';
import type { JobOptions } from '../../core/jobs/types.js';
import { DEFAULT_PORT_SPEC, parsePortSpec } from './ports/port-spec.js';

/** Options of a host scan (`options` of the job, `--ports` / `-o key=value` on the CLI). */
export const hostOptionsSchema = z
  .object({
    ports: z.union([z.string(), z.number().int()]).default(DEFAULT_PORT_SPEC),
    /** Longest wait for one TCP connect. */
    timeoutMs: z.number().int().min(50).max(30_000).optional(),
    retries: z.number().int().min(0).max(5).optional(),
    concurrency: z.number().int().min(1).max(16_384).optional(),
    maxConcurrency: z.number().int().min(1).max(16_384).optional(),
    threads: z.number().int().min(1).max(16).optional(),
    serviceDetection: z.boolean().default(true),
    bannerWaitMs: z.number().int().min(10).max(30_000).optional(),
    probeWaitMs: z.number().int().min(10).max(30_000).optional(),
    /** Open ports probed at the same time. */
    serviceConcurrency: z.number().int().min(1).max(256).default(32),
    tls: z.boolean().default(true),
    legacyTls: z.boolean().default(true),
    expiringDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();

export type HostScanOptions = z.infer<typeof hostOptionsSchema>;

export function parseHostOptions(options: JobOptions): HostScanOptions {
  const parsed = hostOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new VigilError(
      'VALIDATION_FAILED',
      `Invalid host scan options:\n${formatZodIssues(parsed.error)}`,
      {
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      },
    );
  }
  // Validate the port spec now so a bad one fails at submit time, not in the worker.
  parsePortSpec(parsed.data.ports);
  return { ...parsed.data, ports: String(parsed.data.ports).trim().toLowerCase() };
}

/** Options as stored on the job: only what the caller set plus the normalized ports (stable dedupe keys). */
export function normalizeHostOptions(options: JobOptions, defaultPorts = DEFAULT_PORT_SPEC): JobOptions {
  const parsed = parseHostOptions(
    options.ports === undefined ? { ...options, ports: defaultPorts } : options,
  );
  const out: JobOptions = { ...options, ports: parsed.ports };
  return out;
}
