import { type Address, getAddress } from 'viem';
import type { Db } from '../../../core/db/types.js';
import { type AddressLabel, LABEL_CATEGORIES, type LabelCategory } from '../types.js';

export interface LabelRow {
  chainId: number;
  address: string;
  category: LabelCategory;
  source: string;
  label: string | null;
}

export function isLabelCategory(value: string): value is LabelCategory {
  return (LABEL_CATEGORIES as readonly string[]).includes(value);
}

/** Address labels from imported feeds, in the `address_labels` table. */
export class AddressLabelStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Upserts rows; returns how many were written. */
  async upsert(rows: readonly LabelRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const at = this.now();
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        await tx.exec(
          `INSERT INTO address_labels (chain_id, address, category, source, label, imported_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (chain_id, address, category, source) DO UPDATE SET label = excluded.label, imported_at = excluded.imported_at`,
          [row.chainId, row.address.toLowerCase(), row.category, row.source, row.label, at],
        );
      }
    });
    return rows.length;
  }

  /** Labels of one address on a chain (including chain-agnostic ones). */
  async labelsOf(chainId: number, address: string): Promise<AddressLabel[]> {
    const rows = await this.db.query<{ category: string; source: string; label: string | null }>(
      'SELECT category, source, label FROM address_labels WHERE address = ? AND chain_id IN (0, ?) ORDER BY category, source',
      [address.toLowerCase(), chainId],
    );
    return rows.flatMap((r) =>
      isLabelCategory(r.category) ? [{ category: r.category, source: r.source, label: r.label }] : [],
    );
  }

  /** Which of these addresses carry a label (one query, for counterparty checks). */
  async labelled(chainId: number, addresses: readonly string[]): Promise<Map<Address, LabelCategory>> {
    const out = new Map<Address, LabelCategory>();
    const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
    for (let i = 0; i < unique.length; i += 200) {
      const chunk = unique.slice(i, i + 200);
      const rows = await this.db.query<{ address: string; category: string }>(
        `SELECT address, category FROM address_labels WHERE chain_id IN (0, ?) AND address IN (${chunk.map(() => '?').join(', ')})`,
        [chainId, ...chunk],
      );
      for (const r of rows) if (isLabelCategory(r.category)) out.set(getAddress(r.address), r.category);
    }
    return out;
  }

  async removeSource(source: string): Promise<number> {
    return (await this.db.exec('DELETE FROM address_labels WHERE source = ?', [source])).changes;
  }

  async count(): Promise<number> {
    const row = await this.db.one<{ n: number | string }>('SELECT COUNT(*) AS n FROM address_labels');
    return Number(row?.n ?? 0);
  }
}
