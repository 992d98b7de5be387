// Local, loopback-only stand-ins for the outside internet: a web server with our own pages and
// an RDAP server (RFC 9083 JSON) with fixture registrations. Both are real HTTP servers.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, type VigilConfig } from '../../../src/core/config.js';
import { migrate } from '../../../src/core/db/migrate.js';
import { openSqlite } from '../../../src/core/db/sqlite.js';
import type { Db } from '../../../src/core/db/types.js';
import { createTargetPolicy, type HostResolver } from '../../../src/core/net/target-policy.js';
import { UrlAnalyzer } from '../../../src/engines/url/analyzer.js';
import { createSafeFetcher, type PageFetcher } from '../../../src/engines/url/fetch/safe-fetch.js';
import { urlMigrations } from '../../../src/engines/url/migrations.js';
import { RdapBootstrap } from '../../../src/engines/url/rdap/bootstrap.js';
import { RdapClient } from '../../../src/engines/url/rdap/client.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/url/', import.meta.url));
export const NOW = Date.parse('2025-06-01T00:00:00Z');
const DAY = 86_400_000;

export interface Servers {
  webPort: number;
  rdapBase: string;
  rdapHits: Map<string, number>;
  close(): Promise<void>;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function vcard(props: [string, string][]): unknown {
  return ['vcard', [['version', {}, 'text', '4.0'], ...props.map(([k, v]) => [k, {}, 'text', v])]];
}

function domainRecord(
  name: string,
  opts: { registered: number; expires: number; registrant?: [string, string][]; redacted?: boolean },
) {
  return {
    objectClassName: 'domain',
    ldhName: name,
    events: [
      { eventAction: 'registration', eventDate: new Date(opts.registered).toISOString() },
      { eventAction: 'expiration', eventDate: new Date(opts.expires).toISOString() },
    ],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrar'],
        vcardArray: vcard([['fn', 'Example Registrar LLC']]),
      },
      ...(opts.registrant
        ? [{ objectClassName: 'entity', roles: ['registrant'], vcardArray: vcard(opts.registrant) }]
        : []),
    ],
    ...(opts.redacted ? { redacted: [{ name: { description: 'Registrant Name' }, method: 'removal' }] } : {}),
  };
}

/** Fixture registrations, relative to NOW. */
export function rdapFixtures(rdapBase: string): Record<string, unknown> {
  const old = NOW - 3000 * DAY;
  const far = NOW + 900 * DAY;
  const corp: [string, string][] = [
    ['fn', 'Example Corp'],
    ['org', 'Example Corp'],
  ];
  return {
    'young-phish.xyz': domainRecord('young-phish.xyz', {
      registered: NOW - 3 * DAY,
      expires: NOW + 362 * DAY,
      redacted: true,
      registrant: [['fn', 'REDACTED FOR PRIVACY']],
    }),
    'old-site.com': domainRecord('old-site.com', { registered: old, expires: far, registrant: corp }),
    'expiring.com': domainRecord('expiring.com', {
      registered: old,
      expires: NOW + 10 * DAY,
      registrant: corp,
    }),
    'expired.com': domainRecord('expired.com', { registered: old, expires: NOW - 5 * DAY, registrant: corp }),
    'risky-owner.com': domainRecord('risky-owner.com', {
      registered: old,
      expires: far,
      registrant: [
        ['fn', 'Bob'],
        ['email', 'bob@mailinator.com'],
      ],
    }),
    'privacy-owner.com': domainRecord('privacy-owner.com', {
      registered: old,
      expires: far,
      registrant: [['fn', 'Domains By Proxy, LLC']],
    }),
    // A thin registry record: dates here, the registrant at the registrar's RDAP server.
    'thin.com': {
      ...domainRecord('thin.com', { registered: NOW - 2 * DAY, expires: NOW + 363 * DAY }),
      links: [
        { rel: 'related', href: `${rdapBase}registrar/domain/thin.com`, type: 'application/rdap+json' },
      ],
    },
    'registrar/thin.com': domainRecord('thin.com', {
      registered: NOW - 2 * DAY,
      expires: NOW + 363 * DAY,
      registrant: [['fn', 'Contact Privacy Inc. Customer 123']],
    }),
    'uniswap-claim.xyz': domainRecord('uniswap-claim.xyz', {
      registered: NOW - 1 * DAY,
      expires: NOW + 364 * DAY,
      redacted: true,
      registrant: [['fn', 'REDACTED']],
    }),
  };
}

export async function startServers(): Promise<Servers> {
  const rdapHits = new Map<string, number>();
  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (url.pathname === '/redirect-private')
      return send(302, 'text/plain', '', { location: 'http://10.1.2.3/' });
    if (url.pathname === '/redirect-local')
      return send(301, 'text/plain', '', { location: '/pages/clean.html' });
    if (url.pathname === '/redirect-loop') return send(302, 'text/plain', '', { location: '/redirect-loop' });
    if (url.pathname === '/big') return send(200, 'text/html', Buffer.alloc(3_000_000, 'a'));
    if (url.pathname === '/slow') return void setTimeout(() => send(200, 'text/html', 'late'), 3_000);
    const host = (req.headers.host ?? '').split(':')[0] ?? '';
    // Name-based virtual hosts: the resolver maps these names to 127.0.0.1.
    const byHost: Record<string, string> = {
      'young-phish.xyz': 'drainer.html',
      'uniswap-claim.xyz': 'drainer.html',
      'old-site.com': 'clean.html',
      'pancake-recipes.com': 'clean.html',
      'uniswap-app.vercel.app': 'brand.html',
    };
    const file = url.pathname.startsWith('/pages/')
      ? url.pathname.slice(7)
      : url.pathname.startsWith('/js/')
        ? url.pathname.slice(1)
        : url.pathname === '/'
          ? byHost[host]
          : undefined;
    if (!file || file.includes('..')) return send(404, 'text/plain', 'not found');
    try {
      const body = readFileSync(path.join(FIXTURES, 'pages', file));
      return send(200, file.endsWith('.js') ? 'application/javascript' : 'text/html; charset=utf-8', body);
    } catch {
      return send(404, 'text/plain', 'not found');
    }
  });
  let fixtures: Record<string, unknown> = {};
  const rdap = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/(registrar\/)?domain\/(.+)$/.exec(url.pathname);
    const name = m ? `${m[1] ? 'registrar/' : ''}${decodeURIComponent(m[2] ?? '')}` : '';
    rdapHits.set(name, (rdapHits.get(name) ?? 0) + 1);
    if (name === 'hang.com') return; // never answers: the client's deadline must fire
    const doc = fixtures[name];
    res.writeHead(doc ? 200 : 404, { 'content-type': 'application/rdap+json' });
    res.end(JSON.stringify(doc ?? { errorCode: 404, title: 'Not Found' }));
  });
  const webPort = await listen(web);
  const rdapPort = await listen(rdap);
  const rdapBase = `http://127.0.0.1:${rdapPort}/`;
  fixtures = rdapFixtures(rdapBase);
  return {
    webPort,
    rdapBase,
    rdapHits,
    async close() {
      web.closeAllConnections();
      rdap.closeAllConnections();
      await Promise.all([new Promise((r) => web.close(r)), new Promise((r) => rdap.close(r))]);
    },
  };
}

/** Every name resolves to loopback, as if DNS pointed these test domains at the local web server. */
export const loopbackResolver: HostResolver = async () => ['127.0.0.1'];

/**
 * Test domains are virtual hosts of the local web server: page URLs without a port go to its
 * port, and https (no TLS server in these tests) fails like an unreachable site would.
 */
export function portedFetcher(servers: Servers, fetch: PageFetcher): PageFetcher {
  return (url, opts) => {
    const u = new URL(url);
    if (u.hostname.startsWith('127.')) return fetch(url, opts);
    if (u.protocol === 'https:') return Promise.reject(new Error('no TLS server in tests'));
    if (u.port === '') u.port = String(servers.webPort);
    return fetch(u.href, opts);
  };
}

/** The local RDAP server for every TLD the tests use. */
export function localBootstrap(servers: Servers | null): RdapBootstrap {
  return new RdapBootstrap({
    services: [[['com', 'xyz', 'io', 'app', 'org', 'net'], [servers?.rdapBase ?? 'http://127.0.0.1:1/']]],
  });
}

export interface TestAnalyzer {
  analyzer: UrlAnalyzer;
  db: Db;
  config: VigilConfig;
  close(): Promise<void>;
}

export async function makeAnalyzer(
  servers: Servers | null,
  options: { config?: Record<string, unknown>; allowLoopback?: boolean; rdapTimeoutMs?: number } = {},
): Promise<TestAnalyzer> {
  const db = openSqlite(':memory:');
  await migrate(db, urlMigrations);
  const config = parseConfig({
    log: { level: 'silent' },
    targetPolicy: { allow: options.allowLoopback === false ? [] : ['127.0.0.0/8'] },
    url: { rdapTimeoutMs: options.rdapTimeoutMs ?? 1_500 },
    ...options.config,
  });
  const policy = createTargetPolicy(config.targetPolicy, { resolver: loopbackResolver });
  const fetch = createSafeFetcher(policy, { timeoutMs: 2_000 });
  const bootstrap = localBootstrap(servers);
  const rdap = new RdapClient({ bootstrap, fetch, timeoutMs: config.url.rdapTimeoutMs, now: () => NOW });
  const port = servers?.webPort;
  // Pages are served on the web server's port: rewrite bare-host page URLs onto it.
  const portedFetch: typeof fetch = (url, opts) => {
    const u = new URL(url);
    if (port && u.port === '' && u.protocol === 'http:' && !u.hostname.startsWith('127.'))
      u.port = String(port);
    if (
      port &&
      u.protocol === 'https:' &&
      !u.hostname.startsWith('127.') &&
      !url.includes(String(servers?.rdapBase))
    ) {
      return Promise.reject(new Error('no TLS in tests'));
    }
    return fetch(u.href, opts);
  };
  const analyzer = new UrlAnalyzer({ config, db, now: () => NOW, fetch: portedFetch, rdap, feedPollMs: 0 });
  return {
    analyzer,
    db,
    config,
    async close() {
      analyzer.close();
      await db.close();
    },
  };
}
