import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Time-ordered unique id (sortable by creation, 26 chars of base32-ish hex). */
export function newId(prefix = ''): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${prefix}${time}${randomBytes(8).toString('hex')}`;
}

export function uuid(): string {
  return randomUUID();
}

/** Random token with a readable prefix; 32 bytes of entropy. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** JSON with sorted keys: equal objects give equal strings (dedupe keys, fingerprints). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
