import { promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { VigilError } from '../errors.js';
import { NON_PUBLIC_RANGES } from './non-public-ranges.js';

/**
 * The target policy decides which addresses Vigil may open a connection to
 * (host scans, webhooks, page fetches). Order of rules, first match wins:
 *   1. config `deny` CIDRs        → denied
 *   2. config `allow` CIDRs       → allowed (this is how operators open up private ranges)
 *   3. built-in non-public ranges → denied (private, loopback, link-local, metadata, ...)
 *   4. everything else (public)   → allowed
 * Host names are resolved (A and AAAA) and *every* address must pass; callers
 * then connect to the checked literal address (never re-resolve the name), and
 * `connect`/`lookup` re-check at connect time so DNS rebinding cannot slip a
 * private address in between check and use.
 */

export type AddressFamily = 4 | 6;

export interface CheckedAddress {
  /** Canonical literal (IPv4 dotted quad; IPv6 RFC 5952; IPv4-mapped IPv6 unwrapped to IPv4). */
  address: string;
  family: AddressFamily;
}

export type PolicyRule = 'config-deny' | 'config-allow' | 'non-public' | 'public';

export interface AddressVerdict extends CheckedAddress {
  allowed: boolean;
  rule: PolicyRule;
  /** The matching CIDR (config entry or built-in range), when one matched. */
  cidr?: string;
  /** Built-in range name (loopback, private, cloud-metadata, ...) for non-public denials. */
  rangeName?: string;
}

export type ParsedTarget =
  | { kind: 'ip'; value: string; family: AddressFamily }
  | { kind: 'hostname'; value: string };

export interface ResolvedTarget {
  /** The normalized target: canonical IP literal or lower-case ASCII host name. */
  target: string;
  kind: ParsedTarget['kind'];
  /** Every resolved address, all allowed by the policy. Never empty. */
  addresses: CheckedAddress[];
}

/** Resolves a host name to its A and AAAA addresses. Injected so tests and callers choose the resolver. */
export type HostResolver = (hostname: string) => Promise<string[]>;

export interface TargetPolicyConfig {
  allow: readonly string[];
  deny: readonly string[];
}

export interface TargetPolicyOptions {
  resolver?: HostResolver;
}

export interface ConnectOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

type IpAddr = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = { text: string; range: [IpAddr, number] };
type BuiltinRange = Cidr & { name: string };

const MAX_HOSTNAME_LENGTH = 253;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const VERDICT_CACHE_LIMIT = 4096;

/** Resolver over the operating system (getaddrinfo: /etc/hosts, then DNS), both families. */
export const systemResolver: HostResolver = async (hostname) => {
  const records = await dnsPromises.lookup(hostname, { all: true, verbatim: true });
  return records.map((r) => r.address);
};

/** Resolver that asks DNS servers directly for A and AAAA (no hosts file). */
export function dnsResolver(resolver: dnsPromises.Resolver = new dnsPromises.Resolver()): HostResolver {
  return async (hostname) => {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const out = [
      ...(v4.status === 'fulfilled' ? v4.value : []),
      ...(v6.status === 'fulfilled' ? v6.value : []),
    ];
    if (out.length === 0) {
      const reason = v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : undefined;
      throw reason ?? Object.assign(new Error(`no addresses for ${hostname}`), { code: 'ENOTFOUND' });
    }
    return out;
  };
}

function invalid(input: string, why: string): VigilError {
  return new VigilError('INVALID_TARGET', `Invalid target "${input}": ${why}`, {
    details: { target: input, reason: why },
  });
}

/** Parses an IP literal strictly (dotted quad only for IPv4, no zone ids); undefined when not one. */
function parseIpLiteral(input: string): IpAddr | undefined {
  const bare = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const kind = net.isIP(bare);
  if (kind === 0 || bare.includes('%')) return undefined;
  const parsed = ipaddr.parse(bare);
  // ::ffff:a.b.c.d connects to a.b.c.d: judge (and report) it as that IPv4 address.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

function canonical(ip: IpAddr): CheckedAddress {
  return ip.kind() === 'ipv4'
    ? { address: ip.toString(), family: 4 }
    : { address: (ip as ipaddr.IPv6).toRFC5952String(), family: 6 };
}

/**
 * Validates a scan target: an IPv4/IPv6 literal or a host name (IDN allowed,
 * converted to ASCII). Throws INVALID_TARGET. Ports, paths, schemes, zone ids
 * and shorthand IPv4 (`127.1`, `0x7f.1`) are rejected.
 */
export function parseTarget(input: string): ParsedTarget {
  if (typeof input !== 'string') throw invalid(String(input), 'must be a string');
  const trimmed = input.trim();
  if (trimmed === '') throw invalid(input, 'empty');
  if (trimmed.includes('%')) throw invalid(input, 'IPv6 zone ids are not accepted');
  const ip = parseIpLiteral(trimmed);
  if (ip) {
    const c = canonical(ip);
    return { kind: 'ip', value: c.address, family: c.family };
  }
  if (/[/:@?#\s\\[\]]/.test(trimmed))
    throw invalid(input, 'expected an IP address or host name, not a URL or host:port');
  const withoutDot = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  const ascii = domainToASCII(withoutDot.toLowerCase());
  if (ascii === '') throw invalid(input, 'not a valid host name');
  if (ascii.length > MAX_HOSTNAME_LENGTH) throw invalid(input, 'host name longer than 253 characters');
  const labels = ascii.split('.');
  if (!labels.every((label) => LABEL.test(label))) throw invalid(input, 'not a valid host name');
  const last = labels[labels.length - 1] ?? '';
  // An all-numeric last label means a malformed or shorthand IP (`1.2.3`, `127.1`), never a TLD.
  if (/^[0-9]+$/.test(last)) throw invalid(input, 'not a valid IP address or host name');
  if (labels.length < 2 && ascii !== 'localhost') throw invalid(input, 'host names must be fully qualified');
  return { kind: 'hostname', value: ascii };
}

function parseCidrList(entries: readonly string[], key: string): Cidr[] {
  return entries.map((text) => {
    try {
      const range: [IpAddr, number] = text.includes('/')
        ? ipaddr.parseCIDR(text)
        : (() => {
            const ip = ipaddr.parse(text);
            return [ip, ip.kind() === 'ipv4' ? 32 : 128] as [IpAddr, number];
          })();
      return { text, range };
    } catch {
      throw new VigilError('CONFIG_INVALID', `targetPolicy.${key}: "${text}" is not an IP address or CIDR`);
    }
  });
}

function matches(ip: IpAddr, cidr: Cidr): boolean {
  return ip.kind() === cidr.range[0].kind() && ip.match(cidr.range);
}

const BUILTIN: readonly BuiltinRange[] = NON_PUBLIC_RANGES.map((r) => ({
  text: r.cidr,
  name: r.name,
  range: ipaddr.parseCIDR(r.cidr),
}));

export class TargetPolicy {
  private readonly allow: Cidr[];
  private readonly deny: Cidr[];
  private readonly resolver: HostResolver;
  private readonly cache = new Map<string, AddressVerdict>();

  constructor(config: TargetPolicyConfig, options: TargetPolicyOptions = {}) {
    this.allow = parseCidrList(config.allow, 'allow');
    this.deny = parseCidrList(config.deny, 'deny');
    this.resolver = options.resolver ?? systemResolver;
  }

  /** Judges one IP literal. Throws INVALID_TARGET when `address` is not an IP literal. */
  evaluate(address: string): AddressVerdict {
    const cached = this.cache.get(address);
    if (cached) return cached;
    const ip = parseIpLiteral(address);
    if (!ip) throw invalid(address, 'not an IP address');
    const base = canonical(ip);
    const verdict = this.judge(ip, base);
    if (this.cache.size >= VERDICT_CACHE_LIMIT) this.cache.clear();
    this.cache.set(address, verdict);
    return verdict;
  }

  private judge(ip: IpAddr, base: CheckedAddress): AddressVerdict {
    const denied = this.deny.find((c) => matches(ip, c));
    if (denied) return { ...base, allowed: false, rule: 'config-deny', cidr: denied.text };
    const allowed = this.allow.find((c) => matches(ip, c));
    if (allowed) return { ...base, allowed: true, rule: 'config-allow', cidr: allowed.text };
    const builtin = BUILTIN.find((c) => matches(ip, c));
    if (builtin)
      return { ...base, allowed: false, rule: 'non-public', cidr: builtin.text, rangeName: builtin.name };
    // Belt and braces: anything ipaddr.js does not call plain unicast is non-public too.
    const range = ip.range();
    if (range !== 'unicast') return { ...base, allowed: false, rule: 'non-public', rangeName: range };
    return { ...base, allowed: true, rule: 'public' };
  }

  isAllowed(address: string): boolean {
    try {
      return this.evaluate(address).allowed;
    } catch {
      return false;
    }
  }

  /** Returns the canonical checked address or throws TARGET_DENIED / INVALID_TARGET. */
  checkAddress(address: string, target = address): CheckedAddress {
    const verdict = this.evaluate(address);
    if (!verdict.allowed) throw deniedError(target, verdict);
    return { address: verdict.address, family: verdict.family };
  }

  /**
   * Validates the target, resolves host names (A and AAAA) and checks every
   * address. Any denied address denies the whole target: a name that points at
   * both public and private space is exactly what rebinding attacks look like.
   */
  async resolveAndCheck(input: string): Promise<ResolvedTarget> {
    const parsed = parseTarget(input);
    if (parsed.kind === 'ip') {
      return { target: parsed.value, kind: 'ip', addresses: [this.checkAddress(parsed.value, input)] };
    }
    const raw = await this.resolveName(parsed.value);
    const seen = new Set<string>();
    const addresses: CheckedAddress[] = [];
    for (const address of raw) {
      const checked = this.checkAddress(address, parsed.value);
      if (seen.has(checked.address)) continue;
      seen.add(checked.address);
      addresses.push(checked);
    }
    return { target: parsed.value, kind: 'hostname', addresses };
  }

  private async resolveName(hostname: string): Promise<string[]> {
    let raw: string[];
    try {
      raw = await this.resolver(hostname);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME' || code === 'NXDOMAIN') {
        throw new VigilError('INVALID_TARGET', `Host name "${hostname}" does not resolve`, {
          details: { target: hostname, reason: 'does not resolve' },
          cause: err,
        });
      }
      throw new VigilError(
        'UPSTREAM_UNAVAILABLE',
        `Could not resolve "${hostname}": ${(err as Error).message}`,
        {
          details: { target: hostname },
          cause: err,
        },
      );
    }
    if (raw.length === 0) {
      throw new VigilError('INVALID_TARGET', `Host name "${hostname}" has no A or AAAA records`, {
        details: { target: hostname, reason: 'does not resolve' },
      });
    }
    return raw;
  }

  /**
   * A `lookup` for `net.connect`, `http.request`, `tls.connect` and undici-free
   * fetchers: it resolves with the policy's resolver and fails the connection
   * unless every address passes, so the check happens at connect time.
   */
  readonly lookup: net.LookupFunction = (hostname, options, callback) => {
    const wantAll =
      typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    const family =
      typeof options === 'object' && options !== null ? (options as { family?: number }).family : undefined;
    this.resolveAndCheck(hostname).then(
      (resolved) => {
        const pool =
          family === 4 || family === 6
            ? resolved.addresses.filter((a) => a.family === family)
            : resolved.addresses;
        if (pool.length === 0) {
          const err = Object.assign(new Error(`no IPv${family} address for ${hostname}`), {
            code: 'ENOTFOUND',
          });
          (callback as (err: Error) => void)(err);
          return;
        }
        if (wantAll) {
          (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, pool);
        } else {
          const first = pool[0] as CheckedAddress;
          callback(null, first.address, first.family);
        }
      },
      (err: unknown) => (callback as (err: Error) => void)(err as Error),
    );
  };

  /**
   * Opens a TCP connection to an IP literal after checking it again (the
   * connect-time check). Resolves once connected; rejects with TARGET_DENIED
   * before any packet is sent to a denied address.
   */
  connect(address: string, port: number, options: ConnectOptions = {}): Promise<net.Socket> {
    let checked: CheckedAddress;
    try {
      checked = this.checkAddress(address);
    } catch (err) {
      return Promise.reject(err);
    }
    return connectChecked(checked, port, options);
  }
}

function deniedError(target: string, verdict: AddressVerdict): VigilError {
  const why =
    verdict.rule === 'config-deny'
      ? `denied by targetPolicy.deny ${verdict.cidr}`
      : `${verdict.rangeName ?? 'non-public'} address, not in targetPolicy.allow`;
  return new VigilError('TARGET_DENIED', `Target "${target}" resolves to ${verdict.address} (${why})`, {
    details: {
      target,
      address: verdict.address,
      rule: verdict.rule,
      cidr: verdict.cidr,
      range: verdict.rangeName,
    },
  });
}

/** Connects to an address that the caller has just checked. Kept internal to keep the check in the path. */
function connectChecked(checked: CheckedAddress, port: number, options: ConnectOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new VigilError('CANCELLED'));
      return;
    }
    const socket = net.connect({ host: checked.address, port, family: checked.family });
    let timer: NodeJS.Timeout | undefined;
    const cleanup = () => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('connect', onConnect);
    };
    const onConnect = () => {
      cleanup();
      resolve(socket);
    };
    const onError = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onAbort = () => onError(new VigilError('CANCELLED'));
    socket.once('connect', onConnect);
    socket.once('error', onError);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(
        () =>
          onError(
            Object.assign(new Error(`connect timeout after ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' }),
          ),
        options.timeoutMs,
      );
    }
  });
}

export function createTargetPolicy(
  config: TargetPolicyConfig,
  options: TargetPolicyOptions = {},
): TargetPolicy {
  return new TargetPolicy(config, options);
}
