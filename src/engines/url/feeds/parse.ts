import { VigilError } from '../../../core/errors.js';
import type { ReportDetail } from '../details.js';
import { normalizeUrl } from '../normalize.js';
import { categoryToDetail } from './categories.js';

export type FeedList = 'block' | 'allow' | 'fuzzy';
export type UrlFeedFormat = 'eth-phishing-detect' | 'domains' | 'csv' | 'json';
export const URL_FEED_FORMATS: readonly UrlFeedFormat[] = ['eth-phishing-detect', 'domains', 'csv', 'json'];

export interface FeedEntry {
  /** Lower-case ASCII host. */
  host: string;
  /** Path prefix for host+path entries (`/view/wallet-restore`), `''` for the whole host. */
  path: string;
  list: FeedList;
  /** The report check a block entry triggers; null for allow/fuzzy entries. */
  detail: ReportDetail | null;
}

export interface ParsedFeed {
  entries: FeedEntry[];
  /** Lines or items that were not a usable host, with the reason (first 20 kept). */
  rejected: { item: string; reason: string }[];
  rejectedCount: number;
}

class Collector {
  readonly entries: FeedEntry[] = [];
  readonly rejected: { item: string; reason: string }[] = [];
  rejectedCount = 0;

  add(raw: string, list: FeedList, detail: ReportDetail | null): void {
    const item = cleanItem(raw);
    if (item === '') return;
    const n = normalizeUrl(item);
    if (!n.ok) {
      this.reject(raw, n.message);
      return;
    }
    const path = n.value.path.split('?')[0] ?? '/';
    this.entries.push({
      host: n.value.host,
      path: path === '/' ? '' : path.replace(/\/+$/, ''),
      list,
      detail,
    });
  }

  reject(item: string, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < 20) this.rejected.push({ item: item.slice(0, 200), reason });
  }

  result(): ParsedFeed {
    return { entries: this.entries, rejected: this.rejected, rejectedCount: this.rejectedCount };
  }
}

/** Strips the decorations lists use: hosts-file addresses, adblock `||x^`, wildcards `*.`, trailing comments. */
function cleanItem(raw: string): string {
  let s = raw.trim();
  if (s === '' || s.startsWith('#') || s.startsWith('!') || s.startsWith('//')) return '';
  s = s.replace(/\s+#.*$/, '');
  const hostsLine = /^(?:0\.0\.0\.0|127\.0\.0\.1|::1?|::)\s+(\S+)/.exec(s);
  if (hostsLine?.[1]) s = hostsLine[1];
  s = s.replace(/^\|\|/, '').replace(/\^(\$.*)?$/, '');
  s = s.replace(/^\*\./, '').replace(/^\./, '');
  return s.trim();
}

function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new VigilError('VALIDATION_FAILED', `${source}: not valid JSON (${(err as Error).message})`);
  }
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** MetaMask eth-phishing-detect config: legacy `{whitelist, blacklist, fuzzylist}` or the newer list of configs. */
export function parseEthPhishingDetect(text: string, category: string, source = 'feed'): ParsedFeed {
  const raw = parseJsonText(text, source);
  const configs = Array.isArray(raw) ? raw : [raw];
  const detail = categoryToDetail(category);
  const c = new Collector();
  let recognized = false;
  for (const cfg of configs) {
    if (typeof cfg !== 'object' || cfg === null) continue;
    const o = cfg as Record<string, unknown>;
    const block = [...strings(o.blacklist), ...strings(o.blocklist)];
    const allow = [...strings(o.whitelist), ...strings(o.allowlist)];
    const fuzzy = strings(o.fuzzylist);
    if ('blacklist' in o || 'blocklist' in o || 'whitelist' in o || 'allowlist' in o || 'fuzzylist' in o)
      recognized = true;
    for (const d of block) c.add(d, 'block', detail);
    for (const d of allow) c.add(d, 'allow', null);
    for (const d of fuzzy) c.add(d, 'fuzzy', null);
  }
  if (!recognized) {
    throw new VigilError(
      'VALIDATION_FAILED',
      `${source}: not an eth-phishing-detect config (no blacklist/whitelist/fuzzylist)`,
    );
  }
  return c.result();
}

/** One domain or URL per line; `#` comments, hosts-file and adblock-style lines accepted. */
export function parseDomainList(text: string, category: string): ParsedFeed {
  const detail = categoryToDetail(category);
  const c = new Collector();
  for (const line of text.split(/\r?\n/)) c.add(line, 'block', detail);
  return c.result();
}

/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, commas or semicolons. */
export function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const HOST_COLUMNS = ['url', 'domain', 'host', 'hostname', 'site', 'website', 'fqdn'];
const CATEGORY_COLUMNS = ['category', 'type', 'threat', 'tag', 'classification', 'list'];

/** CSV with a header naming a url/domain column and optionally a category column (`allow` means allowlist). */
export function parseCsv(text: string, category: string): ParsedFeed {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const c = new Collector();
  if (lines.length === 0) return c.result();
  const sep = (lines[0]?.split(';').length ?? 0) > (lines[0]?.split(',').length ?? 0) ? ';' : ',';
  const header = splitCsvLine(lines[0] as string, sep).map((h) => h.toLowerCase());
  let hostCol = header.findIndex((h) => HOST_COLUMNS.includes(h));
  let catCol = header.findIndex((h) => CATEGORY_COLUMNS.includes(h));
  let body = lines.slice(1);
  if (hostCol < 0) {
    // No header: first column is the host, second (if any) the category.
    hostCol = 0;
    catCol = header.length > 1 ? 1 : -1;
    body = lines;
  }
  const fallback = categoryToDetail(category);
  for (const line of body) {
    const cols = splitCsvLine(line, sep);
    const host = cols[hostCol] ?? '';
    const cat = catCol >= 0 ? (cols[catCol] ?? '') : '';
    addCategorized(c, host, cat, fallback);
  }
  return c.result();
}

function addCategorized(c: Collector, host: string, cat: string, fallback: ReportDetail): void {
  const key = cat.trim().toLowerCase();
  if (key === 'allow' || key === 'allowlist' || key === 'whitelist' || key === 'legit') {
    c.add(host, 'allow', null);
    return;
  }
  if (key === 'fuzzy' || key === 'fuzzylist' || key === 'target') {
    c.add(host, 'fuzzy', null);
    return;
  }
  if (key === '') {
    c.add(host, 'block', fallback);
    return;
  }
  try {
    c.add(host, 'block', categoryToDetail(key));
  } catch (err) {
    c.reject(host, (err as Error).message);
  }
}

/**
 * JSON lists: `["a.com", ...]`, `[{"url"|"domain"|"host": ..., "category": ...}]`,
 * `{"allowlist": [...], "blocklist": [...]}` or `{"<category>": [...]}`.
 */
export function parseJsonList(text: string, category: string, source = 'feed'): ParsedFeed {
  const raw = parseJsonText(text, source);
  const fallback = categoryToDetail(category);
  const c = new Collector();
  const addItem = (item: unknown, cat: string) => {
    if (typeof item === 'string') addCategorized(c, item, cat, fallback);
    else if (typeof item === 'object' && item !== null) {
      const o = item as Record<string, unknown>;
      const host = HOST_COLUMNS.map((k) => o[k]).find((v): v is string => typeof v === 'string');
      const own = CATEGORY_COLUMNS.map((k) => o[k]).find((v): v is string => typeof v === 'string');
      if (host === undefined) c.reject(JSON.stringify(item), 'no url/domain/host field');
      else addCategorized(c, host, own ?? cat, fallback);
    } else c.reject(String(item), 'not a string or object');
  };
  if (Array.isArray(raw)) {
    for (const item of raw) addItem(item, '');
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      const k = key.toLowerCase();
      const cat = ['blocklist', 'blacklist', 'block', 'domains', 'urls'].includes(k)
        ? ''
        : ['allowlist', 'whitelist', 'allow'].includes(k)
          ? 'allow'
          : ['fuzzylist', 'fuzzy'].includes(k)
            ? 'fuzzy'
            : key;
      for (const item of value) addItem(item, cat);
    }
  } else {
    throw new VigilError('VALIDATION_FAILED', `${source}: expected a JSON array or object`);
  }
  return c.result();
}

export function parseFeed(
  text: string,
  format: UrlFeedFormat,
  category: string,
  source = 'feed',
): ParsedFeed {
  switch (format) {
    case 'eth-phishing-detect':
      return parseEthPhishingDetect(text, category, source);
    case 'domains':
      return parseDomainList(text, category);
    case 'csv':
      return parseCsv(text, category);
    case 'json':
      return parseJsonList(text, category, source);
  }
}

/** Guesses the format from the file name and content when the operator did not say. */
export function detectFormat(source: string, text: string): UrlFeedFormat {
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    return /"(blacklist|whitelist|fuzzylist|blocklist)"/.test(head.slice(0, 100_000)) &&
      !head.startsWith('[{"url"')
      ? 'eth-phishing-detect'
      : 'json';
  }
  if (/\.csv$/i.test(source)) return 'csv';
  return 'domains';
}
