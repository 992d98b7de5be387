import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isVigilError } from '../../../core/errors.js';
import type { PageFetcher } from '../fetch/safe-fetch.js';
import type { RdapBootstrap } from './bootstrap.js';

/** What the registration checks need from an RDAP domain record (RFC 9083). */
export interface RdapRecord {
  registeredAt: number | null;
  expiresAt: number | null;
  registrant: { name: string | null; org: string | null; email: string | null } | null;
  /** RFC 9537 redactions or privacy-service wording on the registrant. */
  registrantHidden: boolean;
  registrantRisky: boolean;
  /** Which signal made the registrant hidden/risky, for the evidence. */
  registrantNote: string | null;
  server: string;
}

export type RdapOutcome =
  | { status: 'ok'; record: RdapRecord }
  | { status: 'not-found'; server: string }
  | { status: 'unsupported'; reason: string }
  | { status: 'unavailable'; reason: string };

export interface RdapClientOptions {
  bootstrap: RdapBootstrap;
  fetch: PageFetcher;
  timeoutMs: number;
  now(): number;
  cacheTtlMs?: number;
  privacyFile?: string;
}

const DEFAULT_PRIVACY_FILE = fileURLToPath(new URL('../data/registrant-privacy.json', import.meta.url));

interface VcardProps {
  name: string | null;
  org: string | null;
  email: string | null;
}

function vcardProps(vcardArray: unknown): VcardProps {
  const out: VcardProps = { name: null, org: null, email: null };
  if (!Array.isArray(vcardArray) || !Array.isArray(vcardArray[1])) return out;
  for (const prop of vcardArray[1] as unknown[]) {
    if (!Array.isArray(prop)) continue;
    const [key, , , value] = prop as [string, unknown, unknown, unknown];
    const text = Array.isArray(value)
      ? value.filter((v) => typeof v === 'string').join(' ')
      : typeof value === 'string'
        ? value
        : null;
    if (!text) continue;
    if (key === 'fn') out.name = text;
    if (key === 'org') out.org = text;
    if (key === 'email') out.email = text;
  }
  return out;
}

interface RdapEntity {
  roles?: unknown;
  vcardArray?: unknown;
  entities?: unknown;
  remarks?: unknown;
}

function findRegistrant(entities: unknown): RdapEntity | undefined {
  if (!Array.isArray(entities)) return undefined;
  for (const e of entities as RdapEntity[]) {
    if (Array.isArray(e.roles) && e.roles.includes('registrant')) return e;
    const nested = findRegistrant(e.entities);
    if (nested) return nested;
  }
  return undefined;
}

function eventDate(events: unknown, action: string): number | null {
  if (!Array.isArray(events)) return null;
  for (const ev of events as { eventAction?: unknown; eventDate?: unknown }[]) {
    if (ev.eventAction === action && typeof ev.eventDate === 'string') {
      const t = Date.parse(ev.eventDate);
      if (!Number.isNaN(t)) return t;
    }
  }
  return null;
}

/**
 * A small RDAP client: bootstrap → registry server → (for thin registries)
 * the registrar's server via the `related` link, all under one deadline, with
 * a positive and negative cache. Failures come back as `unavailable` with the
 * reason, never as an exception and never past the deadline.
 */
export class RdapClient {
  private readonly cache = new Map<string, { at: number; outcome: RdapOutcome }>();
  private readonly hidden: string[];
  private readonly risky: string[];

  constructor(private readonly options: RdapClientOptions) {
    const lists = JSON.parse(readFileSync(options.privacyFile ?? DEFAULT_PRIVACY_FILE, 'utf8')) as {
      hidden: string[];
      risky: string[];
    };
    this.hidden = lists.hidden.map((s) => s.toLowerCase());
    this.risky = lists.risky.map((s) => s.toLowerCase());
  }

  async lookup(domain: string, signal?: AbortSignal): Promise<RdapOutcome> {
    const ttl = this.options.cacheTtlMs ?? 6 * 3_600_000;
    const cached = this.cache.get(domain);
    if (cached && this.options.now() - cached.at < (cached.outcome.status === 'unavailable' ? 60_000 : ttl)) {
      return cached.outcome;
    }
    const outcome = await this.fetchOutcome(domain, signal);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(domain, { at: this.options.now(), outcome });
    return outcome;
  }

  private async getJson(url: string, deadline: AbortSignal): Promise<{ status: number; json: unknown }> {
    const page = await this.options.fetch(url, {
      timeoutMs: this.options.timeoutMs,
      signal: deadline,
      maxBytes: 512_000,
    });
    let json: unknown = null;
    try {
      json = JSON.parse(page.body);
    } catch {
      json = null;
    }
    return { status: page.status, json };
  }

  private async fetchOutcome(domain: string, signal?: AbortSignal): Promise<RdapOutcome> {
    const servers = this.options.bootstrap.serversFor(domain);
    if (servers.length === 0)
      return { status: 'unsupported', reason: `no RDAP server is known for the TLD of ${domain}` };
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const deadline = signal ? AbortSignal.any([timeout, signal]) : timeout;
    let lastError = 'no server answered';
    for (const base of servers) {
      const url = `${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`;
      try {
        const { status, json } = await this.getJson(url, deadline);
        if (status === 404) return { status: 'not-found', server: base };
        if (status !== 200 || typeof json !== 'object' || json === null) {
          lastError = `${base} answered HTTP ${status}`;
          continue;
        }
        let doc = json as Record<string, unknown>;
        let registrant = findRegistrant(doc.entities);
        // Thin registries (.com/.net) keep the registrant at the registrar: follow one `related` link.
        const related = Array.isArray(doc.links)
          ? (doc.links as { rel?: string; href?: string; type?: string }[]).find(
              (l) => l.rel === 'related' && typeof l.href === 'string' && l.href.includes('/domain/'),
            )
          : undefined;
        if (!registrant && related?.href) {
          try {
            const sub = await this.getJson(related.href, deadline);
            if (sub.status === 200 && typeof sub.json === 'object' && sub.json !== null) {
              const subDoc = sub.json as Record<string, unknown>;
              registrant = findRegistrant(subDoc.entities);
              doc = { ...doc, entities: subDoc.entities, redacted: subDoc.redacted ?? doc.redacted };
            }
          } catch {
            // The registry record alone still carries the dates.
          }
        }
        return { status: 'ok', record: this.toRecord(doc, registrant, base) };
      } catch (err) {
        lastError = isVigilError(err) ? err.message : (err as Error).message;
        if (deadline.aborted) break;
      }
    }
    return { status: 'unavailable', reason: `RDAP unreachable: ${lastError}` };
  }

  private toRecord(
    doc: Record<string, unknown>,
    registrant: RdapEntity | undefined,
    server: string,
  ): RdapRecord {
    const props = registrant ? vcardProps(registrant.vcardArray) : null;
    const redactions = Array.isArray(doc.redacted)
      ? (doc.redacted as { name?: { description?: string; type?: string } }[]).filter((r) =>
          /registrant/i.test(`${r.name?.description ?? ''} ${r.name?.type ?? ''}`),
        )
      : [];
    const haystack = props
      ? `${props.name ?? ''} | ${props.org ?? ''} | ${props.email ?? ''}`.toLowerCase()
      : '';
    const hiddenHit = this.hidden.find((h) => haystack.includes(h));
    const riskyHit = this.risky.find((r) => haystack.includes(r));
    let note: string | null = null;
    let hidden = false;
    if (!registrant || (!props?.name && !props?.org && !props?.email)) {
      hidden = true;
      note = 'no registrant data published';
    } else if (redactions.length > 0) {
      hidden = true;
      note = `RFC 9537 redaction: ${redactions.map((r) => r.name?.description ?? r.name?.type).join(', ')}`;
    } else if (hiddenHit) {
      hidden = true;
      note = `privacy service wording "${hiddenHit}"`;
    }
    if (riskyHit) note = `registrant matches risky list entry "${riskyHit}"`;
    return {
      registeredAt: eventDate(doc.events, 'registration'),
      expiresAt: eventDate(doc.events, 'expiration'),
      registrant: props,
      registrantHidden: hidden,
      registrantRisky: riskyHit !== undefined,
      registrantNote: note,
      server,
    };
  }
}
