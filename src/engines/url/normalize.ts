import net from 'node:net';
import { domainToUnicode } from 'node:url';
import { parse as parseDomain } from 'tldts';

/**
 * Turns whatever a wallet sends (`http://pancakak.com/`, `Pancakak.com`,
 * `PANCAKAK.COM`, `http://a.b.pancakak.com/abc`, IDN in Unicode or punycode,
 * IP literals) into one canonical shape. The registrable domain comes from the
 * public suffix list *with* private suffixes, so every `*.vercel.app` or
 * `*.github.io` site is its own registrable domain.
 */
export interface NormalizedUrl {
  /** The input as received (trimmed). */
  input: string;
  /** `http`/`https` when the input had a scheme, else null (bare domain). */
  scheme: 'http' | 'https' | null;
  /** Lower-case ASCII (punycode) host without trailing dot; IPv6 without brackets. */
  host: string;
  /** The host in Unicode (IDN decoded), for display and confusable analysis. */
  unicodeHost: string;
  port: number | null;
  /** Path + query, `/` when absent. The fragment never reaches a server and is dropped. */
  path: string;
  isIp: boolean;
  /** Registrable domain (ASCII), null for IP literals. */
  domain: string | null;
  unicodeDomain: string | null;
  /** Registrable label: the domain without its public suffix, Unicode (e.g. `pancakeswap`). */
  label: string | null;
  /** Public suffix (ICANN or private), e.g. `co.uk`, `vercel.app`. */
  suffix: string | null;
  /** Labels left of the registrable domain, Unicode, `''` when none. */
  subdomain: string;
  /** Whether userinfo (`user@`) was present: a classic trick to show a brand before the real host. */
  hadCredentials: boolean;
  /**
   * Canonical job target: the bare host when the input named only a site
   * (root path, default port), else the full URL without fragment. The seed's
   * spellings `http://pancakak.com/`, `Pancakak.com`, `PANCAKAK.COM` share it.
   */
  target: string;
}

export type NormalizeResult = { ok: true; value: NormalizedUrl } | { ok: false; message: string };

const MAX_INPUT = 2048;
const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/i;

function fail(message: string): NormalizeResult {
  return { ok: false, message };
}

export function normalizeUrl(raw: unknown): NormalizeResult {
  if (typeof raw !== 'string') return fail('url must be a string');
  const input = raw.trim();
  if (input === '') return fail('url is empty');
  if (input.length > MAX_INPUT) return fail(`url is longer than ${MAX_INPUT} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(input)) return fail('url contains whitespace or control characters');

  const schemeMatch = SCHEME_RE.exec(input);
  // `localhost:8080` and `1.2.3.4:80` look like a scheme to the regex; only `x://` or known schemes count.
  const hasScheme =
    schemeMatch !== null &&
    (input.slice(schemeMatch[0].length).startsWith('//') ||
      /^(https?|javascript|data|file|ftp|mailto)$/i.test(schemeMatch[1] ?? ''));
  if (hasScheme) {
    const scheme = (schemeMatch?.[1] ?? '').toLowerCase();
    if (scheme !== 'http' && scheme !== 'https')
      return fail(`unsupported scheme "${scheme}:" (only http and https)`);
  }
  let parsed: URL;
  try {
    parsed = new URL(hasScheme ? input : `http://${input}`);
  } catch {
    return fail(`"${input}" is not a valid URL or domain`);
  }
  let host = parsed.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') return fail(`"${input}" has no host`);
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const isIp = net.isIP(bare) !== 0;
  const port = parsed.port === '' ? null : Number(parsed.port);
  const path = `${parsed.pathname || '/'}${parsed.search}`;
  const scheme = hasScheme ? (parsed.protocol.slice(0, -1) as 'http' | 'https') : null;
  const hadCredentials = parsed.username !== '' || parsed.password !== '';
  const rootOnly = path === '/' && port === null;
  const origin = `${scheme ?? 'http'}://${isIp && bare.includes(':') ? `[${bare}]` : bare}${port === null ? '' : `:${port}`}`;
  const target = rootOnly ? bare : `${origin}${path}`;

  if (isIp) {
    return {
      ok: true,
      value: {
        input,
        scheme,
        host: bare,
        unicodeHost: bare,
        port,
        path,
        isIp: true,
        domain: null,
        unicodeDomain: null,
        label: null,
        suffix: null,
        subdomain: '',
        hadCredentials,
        target,
      },
    };
  }
  if (host.length > 253) return fail('host name is longer than 253 characters');
  if (!host.split('.').every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l))) {
    return fail(`"${host}" is not a valid host name`);
  }
  const info = parseDomain(host, { allowPrivateDomains: true, extractHostname: false });
  if (!info.isIcann && !info.isPrivate) return fail(`"${host}" does not end in a known public suffix`);
  if (!info.domain || !info.publicSuffix || !info.domainWithoutSuffix) {
    return fail(`"${host}" is a public suffix, not a registrable domain`);
  }
  const unicodeHost = domainToUnicode(host) || host;
  const unicodeDomain = domainToUnicode(info.domain) || info.domain;
  const label = domainToUnicode(info.domainWithoutSuffix) || info.domainWithoutSuffix;
  const subdomain = info.subdomain ? domainToUnicode(info.subdomain) || info.subdomain : '';
  return {
    ok: true,
    value: {
      input,
      scheme,
      host,
      unicodeHost,
      port,
      path,
      isIp: false,
      domain: info.domain,
      unicodeDomain,
      label,
      suffix: info.publicSuffix,
      subdomain,
      hadCredentials,
      target,
    },
  };
}

/** Host and every parent down to the registrable domain (`a.b.x.com`, `b.x.com`, `x.com`). */
export function hostAndParents(n: Pick<NormalizedUrl, 'host' | 'domain'>): string[] {
  const out = [n.host];
  if (!n.domain) return out;
  let h = n.host;
  while (h !== n.domain) {
    const dot = h.indexOf('.');
    if (dot < 0) break;
    h = h.slice(dot + 1);
    out.push(h);
  }
  return out;
}
