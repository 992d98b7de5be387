import type { Db, SqlParam } from '../../../core/db/types.js';
import type { JsonValue } from '../../../core/jobs/types.js';
import { wellKnownName } from '../ports/top-ports.js';
import type { HostScanResult } from '../types.js';
import { type EntityType, entityId, relationId } from './entity-id.js';

export type RelationMode = 'aggregation' | 'association';
export type Attributes = Record<string, JsonValue>;

export interface Entity {
  id: string;
  type: EntityType;
  value: string;
  attributes: Attributes;
  firstSeen: number;
  lastSeen: number;
  seenCount: number;
}

export interface Relation {
  id: string;
  entityID: string;
  relatedEntityID: string;
  label: string;
  mode: RelationMode;
  attributes: Attributes;
  firstSeen: number;
  lastSeen: number;
  seenCount: number;
}

export interface SearchQuery {
  type?: EntityType;
  /** Substring of the entity value (case-insensitive). */
  q?: string;
  /** Exact attribute matches (top-level attributes, compared as text). */
  attributes?: Record<string, string>;
  limit: number;
  page: number;
}

export interface SearchPage<T> {
  items: T[];
  /** Number of pages for this limit. */
  pages: number;
  /** Total matching items. */
  results: number;
}

export interface RelationsView {
  entity: Entity;
  relations: Array<Relation & { level: number }>;
  entities: Entity[];
}

interface EntityRow {
  id: string;
  type: string;
  value: string;
  attributes: string;
  first_seen: number | string;
  last_seen: number | string;
  seen_count: number | string;
}

interface RelationRow {
  id: string;
  entity_id: string;
  related_entity_id: string;
  label: string;
  mode: string;
  attributes: string;
  first_seen: number | string;
  last_seen: number | string;
  seen_count: number | string;
}

function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    type: row.type as EntityType,
    value: row.value,
    attributes: JSON.parse(row.attributes) as Attributes,
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
    seenCount: Number(row.seen_count),
  };
}

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    entityID: row.entity_id,
    relatedEntityID: row.related_entity_id,
    label: row.label,
    mode: row.mode as RelationMode,
    attributes: JSON.parse(row.attributes) as Attributes,
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
    seenCount: Number(row.seen_count),
  };
}

function compact(attributes: Record<string, JsonValue | undefined>): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

/** Scan-scoped writer: every upsert also records that this scan saw the entity or relation. */
class IngestBatch {
  constructor(
    private readonly tx: Db,
    private readonly scanId: string,
    private readonly now: number,
  ) {}

  async entity(type: EntityType, value: string, attributes: Attributes): Promise<string> {
    const id = entityId(type, value);
    const attrs = JSON.stringify(attributes);
    await this.tx.exec(
      `INSERT INTO host_entities (id, type, value, attributes, first_seen, last_seen, seen_count)
       VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (id) DO UPDATE SET attributes = excluded.attributes, last_seen = excluded.last_seen,
         seen_count = host_entities.seen_count + 1`,
      [id, type, value, attrs, this.now, this.now],
    );
    await this.tx.exec('DELETE FROM host_entity_attributes WHERE entity_id = ?', [id]);
    for (const [name, v] of Object.entries(attributes)) {
      if (v === null || typeof v === 'object') continue;
      await this.tx.exec('INSERT INTO host_entity_attributes (entity_id, name, value) VALUES (?, ?, ?)', [
        id,
        name,
        String(v).toLowerCase(),
      ]);
    }
    await this.tx.exec(
      'INSERT INTO host_scan_entities (scan_id, entity_id) VALUES (?, ?) ON CONFLICT (scan_id, entity_id) DO NOTHING',
      [this.scanId, id],
    );
    return id;
  }

  async relate(
    from: string,
    to: string,
    label: string,
    mode: RelationMode,
    attributes: Attributes = {},
  ): Promise<void> {
    const id = relationId(from, to, label);
    await this.tx.exec(
      `INSERT INTO host_relations (id, entity_id, related_entity_id, label, mode, attributes, first_seen, last_seen, seen_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (id) DO UPDATE SET attributes = excluded.attributes, last_seen = excluded.last_seen,
         seen_count = host_relations.seen_count + 1`,
      [id, from, to, label, mode, JSON.stringify(attributes), this.now, this.now],
    );
    await this.tx.exec(
      'INSERT INTO host_scan_relations (scan_id, relation_id) VALUES (?, ?) ON CONFLICT (scan_id, relation_id) DO NOTHING',
      [this.scanId, id],
    );
  }
}

/**
 * Host scan results as entities and relations, deduplicated across scans by
 * content-derived ids so history accumulates (first/last seen, seen count).
 */
export class EntityGraph {
  constructor(private readonly db: Db) {}

  /** Records one scan. Re-ingesting the same scan id is harmless (idempotent per scan). */
  async ingest(
    scanId: string,
    result: HostScanResult,
    now: number,
  ): Promise<{ entities: number; relations: number }> {
    return this.db.transaction(async (tx) => {
      const batch = new IngestBatch(tx, scanId, now);
      let entities = 0;
      let relations = 0;
      const count = async (p: Promise<string>) => {
        entities++;
        return p;
      };
      const rel = async (...args: Parameters<IngestBatch['relate']>) => {
        relations++;
        await batch.relate(...args);
      };
      const target = await count(
        batch.entity('target', result.target, {
          kind: result.targetKind,
          lastScanId: scanId,
          openPorts: result.summary.openPorts,
        }),
      );
      const ipIds = new Map<string, string>();
      for (const a of result.addresses) {
        const ip = await count(batch.entity('ip', a.address, { family: a.family, openPorts: a.open }));
        ipIds.set(a.address, ip);
        await rel(target, ip, 'resolves-to', 'association');
      }
      for (const p of result.ports) {
        const ip = ipIds.get(p.address) as string;
        const port = await count(
          batch.entity(
            'port',
            `${p.port}/tcp`,
            compact({ port: p.port, protocol: 'tcp', name: wellKnownName(p.port) }),
          ),
        );
        await rel(target, port, 'has-port', 'aggregation', {
          address: p.address,
          state: p.state,
          latencyMs: p.latencyMs,
        });
        await rel(ip, port, 'has-port', 'aggregation', { state: p.state, latencyMs: p.latencyMs });
        if (!p.service) continue;
        const s = p.service;
        const service = await count(
          batch.entity(
            'service',
            `${p.address}:${p.port}/tcp`,
            compact({
              name: s.name,
              product: s.product,
              version: s.version,
              info: s.info,
              os: s.os,
              tls: s.tls,
              identified: s.identified,
              address: p.address,
              port: p.port,
              httpServer: s.extra.server,
              httpTitle: s.extra.title,
              httpStatus: s.extra.status,
            }),
          ),
        );
        await rel(port, service, 'runs', 'association', { address: p.address });
        await rel(ip, service, 'exposes', 'association');
        if (s.banner) {
          const banner = await count(
            batch.entity('banner', s.banner, { length: s.banner.length, service: s.name }),
          );
          await rel(service, banner, 'has-banner', 'association');
        }
        if (p.tls) {
          let previous: string | undefined;
          for (const [depth, c] of p.tls.chain.entries()) {
            const cert = await count(
              batch.entity(
                'certificate',
                c.fingerprintSha256,
                compact({
                  subject: c.subject,
                  issuer: c.issuer,
                  commonName: c.commonName,
                  serialNumber: c.serialNumber,
                  notBefore: c.notBefore,
                  notAfter: c.notAfter,
                  dnsNames: c.dnsNames,
                  ipAddresses: c.ipAddresses,
                  keyType: c.keyType,
                  keySize: c.keySize,
                  signatureAlgorithm: c.signatureAlgorithm,
                  selfSigned: c.selfSigned,
                  isCa: c.isCa,
                  sha1: c.fingerprintSha1,
                  sha256: c.fingerprintSha256,
                }),
              ),
            );
            if (depth === 0) {
              await rel(
                service,
                cert,
                'presents',
                'association',
                compact({ protocol: p.tls.protocol, cipher: p.tls.cipher }),
              );
              await rel(target, cert, 'presents', 'association', { address: p.address, port: p.port });
            }
            if (previous) await rel(previous, cert, 'issued-by', 'association');
            previous = cert;
          }
        }
      }
      const leafOf = new Map(
        result.ports.filter((p) => p.tls?.chain[0]).map((p) => [`${p.address}:${p.port}`, p.tls?.chain[0]]),
      );
      for (const f of result.findings) {
        const finding = await count(
          batch.entity('finding', `${f.id}|${f.address}:${f.port}/tcp`, {
            checkId: f.id,
            title: f.title,
            severity: f.severity,
            confidence: f.confidence,
            message: f.message,
            address: f.address,
            port: f.port,
          }),
        );
        const service = entityId('service', `${f.address}:${f.port}/tcp`);
        await rel(service, finding, 'has-finding', 'association');
        await rel(target, finding, 'has-finding', 'association');
        const leaf = leafOf.get(`${f.address}:${f.port}`);
        if (leaf && f.id.startsWith('tls-cert'))
          await rel(entityId('certificate', leaf.fingerprintSha256), finding, 'has-finding', 'association');
      }
      return { entities, relations };
    });
  }

  async get(id: string): Promise<Entity | undefined> {
    const row = await this.db.one<EntityRow>('SELECT * FROM host_entities WHERE id = ?', [id]);
    return row ? toEntity(row) : undefined;
  }

  /** Relations around an entity, breadth-first up to `levels` hops (both directions), at most `limit` relations. */
  async relations(
    id: string,
    options: { limit: number; levels: number },
  ): Promise<RelationsView | undefined> {
    const entity = await this.get(id);
    if (!entity) return undefined;
    const seenRelations = new Map<string, Relation & { level: number }>();
    const seenEntities = new Set<string>([id]);
    let frontier = [id];
    for (let level = 1; level <= options.levels && frontier.length > 0; level++) {
      const next: string[] = [];
      for (let i = 0; i < frontier.length && seenRelations.size < options.limit; i += 200) {
        const chunk = frontier.slice(i, i + 200);
        const marks = chunk.map(() => '?').join(', ');
        const rows = await this.db.query<RelationRow>(
          `SELECT * FROM host_relations WHERE entity_id IN (${marks}) OR related_entity_id IN (${marks})
           ORDER BY last_seen DESC, id LIMIT ?`,
          [...chunk, ...chunk, options.limit + 1],
        );
        for (const row of rows) {
          if (seenRelations.size >= options.limit) break;
          if (seenRelations.has(row.id)) continue;
          seenRelations.set(row.id, { ...toRelation(row), level });
          for (const other of [row.entity_id, row.related_entity_id]) {
            if (!seenEntities.has(other)) {
              seenEntities.add(other);
              next.push(other);
            }
          }
        }
      }
      frontier = next;
    }
    seenEntities.delete(id);
    const entities = await this.getMany([...seenEntities]);
    return { entity, relations: [...seenRelations.values()], entities };
  }

  async getMany(ids: readonly string[]): Promise<Entity[]> {
    const out: Entity[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const rows = await this.db.query<EntityRow>(
        `SELECT * FROM host_entities WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      out.push(...rows.map(toEntity));
    }
    return out;
  }

  async search(query: SearchQuery): Promise<SearchPage<Entity>> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (query.type) {
      where.push('e.type = ?');
      params.push(query.type);
    }
    if (query.q) {
      where.push('LOWER(e.value) LIKE ?');
      params.push(`%${query.q.toLowerCase().replace(/[%_]/g, '')}%`);
    }
    for (const [name, value] of Object.entries(query.attributes ?? {})) {
      where.push(
        'EXISTS (SELECT 1 FROM host_entity_attributes a WHERE a.entity_id = e.id AND a.name = ? AND a.value = ?)',
      );
      params.push(name, value.toLowerCase());
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = await this.db.one<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM host_entities e ${clause}`,
      params,
    );
    const results = Number(total?.n ?? 0);
    const rows = await this.db.query<EntityRow>(
      `SELECT e.* FROM host_entities e ${clause} ORDER BY e.last_seen DESC, e.id LIMIT ? OFFSET ?`,
      [...params, query.limit, (query.page - 1) * query.limit],
    );
    return { items: rows.map(toEntity), pages: Math.ceil(results / query.limit), results };
  }

  /** Everything one scan saw (for exports). */
  async scan(scanId: string): Promise<{ entities: Entity[]; relations: Relation[] }> {
    const entities = await this.db.query<EntityRow>(
      'SELECT e.* FROM host_entities e JOIN host_scan_entities s ON s.entity_id = e.id WHERE s.scan_id = ? ORDER BY e.type, e.id',
      [scanId],
    );
    const relations = await this.db.query<RelationRow>(
      'SELECT r.* FROM host_relations r JOIN host_scan_relations s ON s.relation_id = r.id WHERE s.scan_id = ? ORDER BY r.id',
      [scanId],
    );
    return { entities: entities.map(toEntity), relations: relations.map(toRelation) };
  }
}
