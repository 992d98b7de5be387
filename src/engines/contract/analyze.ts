import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VigilError } from '../../core/errors.js';
import type { Detector } from './define-detector.js';
import { metaOf } from './define-detector.js';
import { DETECTORS } from './detectors/index.js';
import { buildProject } from './ir/build.js';
import { LineIndex } from './parse/line-index.js';
import { versionPragmas } from './parse/version.js';
import { bundleFiles, type LoadedFile } from './project/load-bundle.js';
import { loadPath } from './project/load-path.js';
import type { AnalysisReport, DetectorMeta, ParseIssue, SourceBundle } from './report-types.js';
import { SEVERITIES } from './report-types.js';
import { runDetectors } from './runner.js';
import { securityScore } from './score.js';
import { parseAll } from './worker/parse-pool.js';

export interface AnalyzeOptions {
  /** Only these detector ids (after `disabled` is applied). */
  enabled?: string[];
  disabled?: string[];
  signal?: AbortSignal;
  onProgress?: (pct: number, step: string) => void;
  /** Worker threads for parsing (default: available cores). */
  threads?: number;
}

export function listDetectors(): DetectorMeta[] {
  return DETECTORS.map(metaOf);
}

export function selectDetectors(opts: Pick<AnalyzeOptions, 'enabled' | 'disabled'>): Detector[] {
  const known = new Set(DETECTORS.map((d) => d.id));
  for (const id of [...(opts.enabled ?? []), ...(opts.disabled ?? [])]) {
    if (!known.has(id))
      throw new VigilError('VALIDATION_FAILED', `unknown detector id: ${id}`, { details: { id } });
  }
  const enabled = opts.enabled && opts.enabled.length > 0 ? new Set(opts.enabled) : undefined;
  const disabled = new Set(opts.disabled ?? []);
  return DETECTORS.filter((d) => (!enabled || enabled.has(d.id)) && !disabled.has(d.id));
}

/** Analyzes an in-memory bundle (explorer sources, standard-JSON input). */
export async function analyzeSources(
  bundle: SourceBundle,
  options: AnalyzeOptions = {},
): Promise<AnalysisReport> {
  const entries = Object.entries(bundle.files ?? {});
  if (entries.length === 0) throw new VigilError('INVALID_TARGET', 'the source bundle has no files');
  for (const [p, c] of entries) {
    if (typeof c !== 'string') throw new VigilError('INVALID_TARGET', `source of ${p} is not a string`);
  }
  return analyzeFiles(bundleFiles(bundle.files, bundle.remappings), options);
}

/** Analyzes a .sol file or a project directory on disk. */
export async function analyzePath(path: string, options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const { root, files } = loadPath(path);
  const config = loadProjectConfig(root);
  return analyzeFiles(files, {
    ...options,
    enabled: options.enabled ?? config.enabled,
    disabled: [...(config.disabled ?? []), ...(options.disabled ?? [])],
  });
}

/**
 * Project config file `.vigil.json` at the project root:
 * `{ "contract": { "enabled": ["id"...], "disabled": ["id"...] } }`.
 */
export function loadProjectConfig(root: string): { enabled?: string[]; disabled?: string[] } {
  const file = join(root, '.vigil.json');
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new VigilError('CONFIG_INVALID', `${file}: ${(err as Error).message}`);
  }
  const section = (raw as { contract?: { enabled?: unknown; disabled?: unknown } } | null)?.contract ?? {};
  const list = (v: unknown, key: string): string[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      throw new VigilError('CONFIG_INVALID', `${file}: contract.${key} must be an array of detector ids`);
    }
    return v as string[];
  };
  const enabled = list(section.enabled, 'enabled');
  const disabled = list(section.disabled, 'disabled');
  return { ...(enabled ? { enabled } : {}), ...(disabled ? { disabled } : {}) };
}

export async function analyzeFiles(
  files: LoadedFile[],
  options: AnalyzeOptions = {},
): Promise<AnalysisReport> {
  const started = performance.now();
  const detectors = selectDetectors(options);
  const progress = options.onProgress ?? (() => {});
  progress(1, 'parsing');
  const parsed = await parseAll(
    files.map((f) => ({ path: f.path, source: f.source })),
    {
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onParsed: (n) => progress(1 + Math.floor((n / files.length) * 60), 'parsing'),
    },
  );
  options.signal?.throwIfAborted();
  const parseErrors: ParseIssue[] = [];
  parsed.forEach((p, i) => {
    if (p.errors.length === 0) return;
    const lines = new LineIndex(files[i]!.source);
    for (const e of p.errors.slice(0, 5)) {
      const pos = lines.position(e.offset);
      parseErrors.push({ file: p.path, line: pos.line, column: pos.column, message: e.message });
    }
  });
  progress(62, 'building IR');
  const project = buildProject(
    parsed.map((p, i) => ({
      parsed: p,
      source: files[i]!.source,
      isTarget: files[i]!.isTarget,
      ...(files[i]!.imports ? { imports: files[i]!.imports } : {}),
    })),
  );
  progress(70, 'running detectors');
  const findings = runDetectors(project, detectors, options.signal);
  progress(100, 'done');
  const distribution = Object.fromEntries(
    SEVERITIES.map((s) => [s, 0]),
  ) as AnalysisReport['summary']['issueSeverityDistribution'];
  for (const f of findings) distribution[f.severity]++;
  const targets = project.files.filter((f) => f.isTarget);
  return {
    findings,
    summary: {
      issueSeverityDistribution: distribution,
      score: securityScore(findings),
      filesAnalyzed: targets.length,
      linesAnalyzed: targets.reduce((n, f) => n + f.lines.lineCount, 0),
      durationMs: Math.round(performance.now() - started),
      detectorsRun: detectors.map((d) => d.id),
    },
    parseErrors,
    contracts: project.contracts
      .filter((c) => c.file.isTarget)
      .map((c) => ({ name: c.name, kind: c.kind, file: c.file.path })),
    pragmas: targets.flatMap((f) =>
      versionPragmas(f.source).map((p) => ({ file: f.path, pragma: `solidity ${p}` })),
    ),
  };
}
