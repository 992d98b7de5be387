import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTargetPolicy } from '../../../src/core/net/target-policy.js';
import { createSafeFetcher } from '../../../src/engines/url/fetch/safe-fetch.js';
import { loopbackResolver, type Servers, startServers } from './helpers.js';

let servers: Servers;
before(async () => {
  servers = await startServers();
});
after(async () => servers?.close());

const allowed = () =>
  createSafeFetcher(
    createTargetPolicy({ allow: ['127.0.0.0/8'], deny: [] }, { resolver: loopbackResolver }),
    { timeoutMs: 1_000 },
  );
const base = () => `http://127.0.0.1:${servers.webPort}`;

describe('SSRF-safe fetcher', () => {
  it('refuses loopback/private addresses unless the policy allows them', async () => {
    const strict = createSafeFetcher(
      createTargetPolicy({ allow: [], deny: [] }, { resolver: loopbackResolver }),
    );
    await assert.rejects(
      strict(`${base()}/pages/clean.html`),
      (e: Error & { code?: string }) => e.code === 'TARGET_DENIED',
    );
    // A name that resolves to loopback is refused the same way (checked after resolution).
    await assert.rejects(
      strict(`http://innocent-looking.com:${servers.webPort}/`),
      (e: Error & { code?: string }) => e.code === 'TARGET_DENIED',
    );
  });

  it('fetches allowed pages and follows redirects, re-checking each hop', async () => {
    const page = await allowed()(`${base()}/redirect-local`);
    assert.equal(page.status, 200);
    assert.match(page.body, /pancake recipes/);
    assert.equal(page.chain.length, 2);
    await assert.rejects(
      allowed()(`${base()}/redirect-private`),
      (e: Error & { code?: string }) => e.code === 'TARGET_DENIED' && /10\.1\.2\.3/.test(e.message),
    );
    await assert.rejects(allowed()(`${base()}/redirect-loop`), /redirects/);
  });

  it('caps the body size and the total time', async () => {
    const page = await allowed()(`${base()}/big`, { maxBytes: 100_000 });
    assert.equal(page.truncated, true);
    assert.equal(page.body.length, 100_000);
    const started = Date.now();
    await assert.rejects(allowed()(`${base()}/slow`, { timeoutMs: 300 }), /longer than 300 ms/);
    assert.ok(Date.now() - started < 2_500);
  });

  it('refuses non-http schemes', async () => {
    await assert.rejects(allowed()('file:///etc/passwd'), /Refusing/);
  });
});
