import { createHash } from 'node:crypto';

export const ENTITY_TYPES = ['target', 'ip', 'port', 'service', 'certificate', 'banner', 'finding'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** `<type>-<sha3-256(normalized value)>`, the vendor's id scheme: the same thing gets the same id in every scan. */
export function entityId(type: EntityType, value: string): string {
  return `${type}-${createHash('sha3-256').update(normalizeValue(type, value)).digest('hex')}`;
}

export function normalizeValue(type: EntityType, value: string): string {
  // Certificates are identified by fingerprint, hex case-insensitive; names are case-insensitive.
  return type === 'banner' ? value : value.trim().toLowerCase();
}

export function relationId(from: string, to: string, label: string): string {
  return `rel-${createHash('sha3-256').update(`${from}|${label}|${to}`).digest('hex')}`;
}

export function isEntityId(value: string): boolean {
  return /^(target|ip|port|service|certificate|banner|finding)-[0-9a-f]{64}$/.test(value);
}
