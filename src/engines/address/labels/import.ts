import { isAddress } from 'viem';
import type { Db } from '../../../core/db/types.js';
import { VigilError } from '../../../core/errors.js';
import { LABEL_CATEGORIES, type LabelCategory } from '../types.js';
import { AddressLabelStore, isLabelCategory, type LabelRow } from './store.js';

/** Common spellings feeds use, mapped onto Vigil's six categories. */
const CATEGORY_ALIASES: Record<string, LabelCategory> = {
  phish: 'phishing',
  phishing: 'phishing',
  'fake-phishing': 'phishing',
  scam: 'scam',
  fraud: 'scam',
  rugpull: 'scam',
  honeypot: 'scam',
  sanction: 'sanctioned',
  sanctions: 'sanctioned',
  sanctioned: 'sanctioned',
  ofac: 'sanctioned',
  drainer: 'drainer',
  'wallet-drainer': 'drainer',
  exploit: 'exploiter',
  exploiter: 'exploiter',
  hack: 'exploiter',
  hacker: 'exploiter',
  attacker: 'exploiter',
  heist: 'exploiter',
  mixer: 'mixer',
  tornado: 'mixer',
  'tornado-cash': 'mixer',
};

export function normalizeCategory(raw: string): LabelCategory | undefined {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (isLabelCategory(key)) return key;
  return CATEGORY_ALIASES[key];
}

export interface ImportAddressListInput {
  /** File contents: one address per line (`address[,category[,label]]`, `#` comments), or JSON. */
  text: string;
  /** Name recorded with each row (file name or URL); re-importing a source replaces its rows. */
  source: string;
  /** Category for lines that carry none (default `scam`). */
  category?: string;
  /** Chain the list is about; 0 (default) = any EVM chain. */
  chainId?: number;
}

export interface ImportAddressListResult {
  source: string;
  imported: number;
  skipped: { line: number; reason: string }[];
  byCategory: Partial<Record<LabelCategory, number>>;
}

interface JsonEntry {
  address?: unknown;
  category?: unknown;
  label?: unknown;
  chainId?: unknown;
  chain_id?: unknown;
}

function parseJson(text: string): JsonEntry[] {
  const data = JSON.parse(text) as unknown;
  if (Array.isArray(data)) {
    return data.map(
      (item): JsonEntry => (typeof item === 'string' ? { address: item } : (item as JsonEntry)),
    );
  }
  if (data && typeof data === 'object') {
    // `{ "<category>": ["0x..", ...] }` — the shape of several public lists.
    return Object.entries(data as Record<string, unknown>).flatMap(([category, list]) =>
      Array.isArray(list) ? list.map((address): JsonEntry => ({ address, category })) : [],
    );
  }
  throw new Error('JSON must be an array or an object of arrays');
}

/** Parses an address list without touching the store (also used by `--dry-run`). */
export function parseAddressList(input: ImportAddressListInput): {
  rows: LabelRow[];
  skipped: ImportAddressListResult['skipped'];
} {
  const defaultCategory = normalizeCategory(input.category ?? 'scam');
  if (!defaultCategory) {
    throw new VigilError('VALIDATION_FAILED', `Unknown address category "${input.category}"`, {
      details: { allowed: [...LABEL_CATEGORIES] },
    });
  }
  const chainId = input.chainId ?? 0;
  const rows: LabelRow[] = [];
  const skipped: ImportAddressListResult['skipped'] = [];
  const trimmed = input.text.trim();
  let entries: { line: number; address: string; category?: string; label?: string; chainId?: number }[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let json: JsonEntry[];
    try {
      json = parseJson(trimmed);
    } catch (err) {
      throw new VigilError(
        'VALIDATION_FAILED',
        `Address list ${input.source} is not valid JSON: ${(err as Error).message}`,
      );
    }
    entries = json.map((e, i) => {
      const cid = e.chainId ?? e.chain_id;
      return {
        line: i + 1,
        address: String(e.address ?? ''),
        ...(typeof e.category === 'string' ? { category: e.category } : {}),
        ...(typeof e.label === 'string' ? { label: e.label } : {}),
        ...(cid !== undefined && Number.isInteger(Number(cid)) ? { chainId: Number(cid) } : {}),
      };
    });
  } else {
    entries = [];
    for (const [i, raw] of input.text.split(/\r?\n/).entries()) {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) continue;
      const [address = '', category, ...label] = line.split(/[,;\t]/).map((s) => s.trim());
      if (i === 0 && !address.startsWith('0x') && /address/i.test(address)) continue; // CSV header
      entries.push({
        line: i + 1,
        address,
        ...(category ? { category } : {}),
        ...(label.length && label.join(',') ? { label: label.join(',') } : {}),
      });
    }
  }
  for (const e of entries) {
    if (!isAddress(e.address, { strict: false })) {
      skipped.push({ line: e.line, reason: `not an address: ${e.address.slice(0, 60)}` });
      continue;
    }
    const category = e.category ? normalizeCategory(e.category) : defaultCategory;
    if (!category) {
      skipped.push({ line: e.line, reason: `unknown category: ${e.category}` });
      continue;
    }
    rows.push({
      chainId: e.chainId ?? chainId,
      address: e.address.toLowerCase(),
      category,
      source: input.source,
      label: e.label ?? null,
    });
  }
  return { rows, skipped };
}

/**
 * Imports an address list into `address_labels`, replacing earlier rows of the
 * same source (a list that dropped an address un-labels it). What
 * `vigil feeds import --format addresses` calls.
 */
export async function importAddressList(
  db: Db,
  input: ImportAddressListInput,
  now: () => number = Date.now,
): Promise<ImportAddressListResult> {
  const { rows, skipped } = parseAddressList(input);
  await db.transaction(async (tx) => {
    const txStore = new AddressLabelStore(tx, now);
    await txStore.removeSource(input.source);
    await txStore.upsert(rows);
  });
  const byCategory: Partial<Record<LabelCategory, number>> = {};
  for (const r of rows) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
  return { source: input.source, imported: rows.length, skipped, byCategory };
}
