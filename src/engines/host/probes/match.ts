import type { CompiledMatch, CompiledProbe, ProbeDb } from './probe-db.js';

export interface ServiceMatch {
  service: string;
  product?: string;
  version?: string;
  info?: string;
  os?: string;
  /** A soft match names the service only; a later probe may add product/version. */
  soft: boolean;
  /** The probe whose pattern matched. */
  matchedBy: string;
  /** Fields pulled out by the probe's `extract` rules (HTTP server header, title, ...). */
  extra: Record<string, string>;
}

const MAX_FIELD = 200;

function clean(value: string): string {
  // Captured bytes may be binary: keep printable text only, bounded.
  return value
    .replace(/[^\x20-\x7e\u00a0-\u00ff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FIELD);
}

/** Fills $1..$9 from the capture groups; a `;`-separated part with an empty capture is dropped. */
export function fillTemplate(
  template: string | undefined,
  groups: readonly (string | undefined)[],
): string | undefined {
  if (template === undefined) return undefined;
  const parts = template.split(/;\s*/).map((part) => {
    let emptyCapture = false;
    const filled = part.replace(/\$(\d)/g, (_, n: string) => {
      const value = clean(groups[Number(n)] ?? '');
      if (value === '') emptyCapture = true;
      return value;
    });
    return emptyCapture ? '' : clean(filled);
  });
  const out = parts.filter((p) => p !== '').join('; ');
  return out === '' ? undefined : out;
}

function applyMatch(match: CompiledMatch, text: string): ServiceMatch | undefined {
  const m = match.regex.exec(text);
  if (!m) return undefined;
  const groups = Array.from(m);
  const result: ServiceMatch = {
    service: match.service,
    soft: match.soft === true,
    matchedBy: match.probeId,
    extra: {},
  };
  const product = fillTemplate(match.product, groups);
  const version = fillTemplate(match.version, groups);
  const info = fillTemplate(match.info, groups);
  const os = fillTemplate(match.os, groups);
  if (product) result.product = product;
  if (version) result.version = version;
  if (info) result.info = info;
  if (os) result.os = os;
  return result;
}

function extractFields(probe: CompiledProbe, text: string): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const rule of probe.extract) {
    const m = rule.regex.exec(text);
    const value = m?.[1] === undefined ? '' : clean(m[1]);
    if (value !== '') extra[rule.field] = value;
  }
  return extra;
}

/**
 * Matches a response against the probe's own patterns first, then against
 * every other probe's patterns (services often answer the "wrong" probe in a
 * telling way: Redis rejects an HTTP request with a RESP error).
 */
export function matchResponse(db: ProbeDb, probe: CompiledProbe, response: Buffer): ServiceMatch | undefined {
  if (response.length === 0) return undefined;
  const text = response.toString('latin1');
  let soft: ServiceMatch | undefined;
  const passes: CompiledMatch[][] = [probe.matches, db.allMatches.filter((m) => m.probeId !== probe.id)];
  for (const pass of passes) {
    for (const match of pass) {
      const result = applyMatch(match, text);
      if (!result) continue;
      // Another probe's pattern that names only the service (an HTTP 400 to a TLS hello) is a hint:
      // keep probing for the probe that speaks the protocol and can read the product.
      if (pass !== passes[0] && !result.product) result.soft = true;
      if (result.soft) {
        soft ??= result;
        continue;
      }
      const sourceProbe = db.byId.get(match.probeId) ?? probe;
      result.extra = extractFields(sourceProbe, text);
      return result;
    }
  }
  if (soft) soft.extra = extractFields(db.byId.get(soft.matchedBy) ?? probe, text);
  return soft;
}

/** Printable rendering of a raw banner for storage and display (non-printables as \xNN). */
export function printableBanner(data: Buffer, max = 1024): string {
  let out = '';
  for (const byte of data.subarray(0, max)) {
    if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return data.length > max ? `${out}…` : out;
}
