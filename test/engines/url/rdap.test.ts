import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTargetPolicy } from '../../../src/core/net/target-policy.js';
import { createSafeFetcher } from '../../../src/engines/url/fetch/safe-fetch.js';
import { RdapBootstrap } from '../../../src/engines/url/rdap/bootstrap.js';
import { RdapClient } from '../../../src/engines/url/rdap/client.js';
import { loopbackResolver, NOW, type Servers, startServers } from './helpers.js';

let servers: Servers;
before(async () => {
  servers = await startServers();
});
after(async () => servers?.close());

function client(base: string, timeoutMs = 1_000) {
  const fetch = createSafeFetcher(
    createTargetPolicy({ allow: ['127.0.0.0/8'], deny: [] }, { resolver: loopbackResolver }),
  );
  return new RdapClient({
    bootstrap: new RdapBootstrap({ services: [[['com', 'xyz'], [base]]] }),
    fetch,
    timeoutMs,
    now: () => NOW,
  });
}

describe('RDAP bootstrap', () => {
  it('the shipped IANA dns.json maps common TLDs to servers', () => {
    const b = RdapBootstrap.load();
    assert.ok(b.tldCount > 1000);
    assert.match(b.serversFor('example.com')[0] ?? '', /verisign/);
    assert.ok(b.serversFor('evil.xyz').length > 0);
    assert.deepEqual(b.serversFor('x.notatld'), []);
  });
});

describe('RDAP client', () => {
  it('reads registration, expiration and a redacted registrant', async () => {
    const r = await client(servers.rdapBase).lookup('young-phish.xyz');
    assert.equal(r.status, 'ok');
    if (r.status !== 'ok') return;
    assert.equal(r.record.registeredAt, NOW - 3 * 86_400_000);
    assert.equal(r.record.registrantHidden, true);
    assert.match(r.record.registrantNote ?? '', /RFC 9537/);
  });

  it('follows the registrar link of thin registries', async () => {
    const r = await client(servers.rdapBase).lookup('thin.com');
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.match(r.record.registrantNote ?? '', /privacy service/);
  });

  it('privacy services and risky registrants', async () => {
    const c = client(servers.rdapBase);
    const p = await c.lookup('privacy-owner.com');
    assert.ok(p.status === 'ok' && p.record.registrantHidden && !p.record.registrantRisky);
    const r = await c.lookup('risky-owner.com');
    assert.ok(r.status === 'ok' && r.record.registrantRisky);
  });

  it('not found, unsupported TLD, unreachable and deadline', async () => {
    assert.equal((await client(servers.rdapBase).lookup('unknown-domain.com')).status, 'not-found');
    assert.equal((await client(servers.rdapBase).lookup('example.org')).status, 'unsupported');
    const down = await client('http://127.0.0.1:1/').lookup('x.com');
    assert.equal(down.status, 'unavailable');
    const started = Date.now();
    const slow = await client(servers.rdapBase, 300).lookup('hang.com');
    assert.equal(slow.status, 'unavailable');
    assert.ok(Date.now() - started < 2_000, 'answered within the deadline');
  });

  it('caches answers', async () => {
    const c = client(servers.rdapBase);
    const before = servers.rdapHits.get('old-site.com') ?? 0;
    await c.lookup('old-site.com');
    await c.lookup('old-site.com');
    assert.equal((servers.rdapHits.get('old-site.com') ?? 0) - before, 1);
  });
});
