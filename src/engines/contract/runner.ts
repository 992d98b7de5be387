import { createHash } from 'node:crypto';
import type { Detector, RawFinding } from './define-detector.js';
import type { ProjectIR, SourceFileIR } from './ir/types.js';
import type { Finding } from './report-types.js';
import { isSuppressed, parseSuppressions } from './suppression.js';

/**
 * Runs detectors over the IR and turns raw findings into reportable ones:
 * positions, snippets, fingerprints, suppression and de-duplication live
 * here so each detector stays small.
 */
export function runDetectors(
  project: ProjectIR,
  detectors: readonly Detector[],
  signal?: AbortSignal,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const suppressions = new Map<SourceFileIR, ReturnType<typeof parseSuppressions>>();
  for (const d of detectors) {
    signal?.throwIfAborted();
    const raw: RawFinding[] = [];
    try {
      d.detect({ project, report: (f) => raw.push(f) });
    } catch (err) {
      // One broken detector must not sink the whole analysis; surface it as a finding-free run.
      process.emitWarning(`detector ${d.id} failed: ${(err as Error).message}`);
      continue;
    }
    const occurrences = new Map<string, number>();
    for (const r of raw) {
      const file = r.contract.file;
      if (!file.isTarget) continue;
      const start = file.lines.position(r.node.start);
      const end = file.lines.position(r.node.end);
      let sup = suppressions.get(file);
      if (!sup) {
        sup = parseSuppressions(file.source);
        suppressions.set(file, sup);
      }
      if (isSuppressed(sup, start.line, d.id)) continue;
      const key = `${d.id}|${file.path}|${r.node.start}|${r.node.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const snippetText = file.source.slice(r.node.start, r.node.end);
      const normalized = snippetText.replace(/\s+/g, ' ').trim();
      const base = `${d.id}|${file.path}|${r.contract.name}|${r.function?.name ?? ''}|${normalized}`;
      const n = occurrences.get(base) ?? 0;
      occurrences.set(base, n + 1);
      const fingerprint = createHash('sha256').update(`${base}|${n}`).digest('hex').slice(0, 32);
      const lines: string[] = [];
      for (let l = start.line; l <= Math.min(end.line, start.line + 9); l++)
        lines.push(file.lines.lineText(l));
      findings.push({
        detector: d.id,
        title: d.title,
        severity: d.severity,
        confidence: d.confidence,
        description: d.description,
        recommendation: d.recommendation,
        message: r.message ?? d.title,
        file: file.path,
        startLine: start.line,
        endLine: end.line,
        startColumn: start.column,
        endColumn: end.column,
        snippet: lines.join('\n'),
        contract: r.contract.name,
        ...(r.function ? { function: r.function.name } : {}),
        fingerprint,
      });
    }
  }
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.startLine - b.startLine || a.detector.localeCompare(b.detector),
  );
}
