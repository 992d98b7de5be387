import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostAndParents, normalizeUrl } from '../../../src/engines/url/normalize.js';
import { FIXTURES, makeAnalyzer, type TestAnalyzer } from './helpers.js';

function ok(input: string) {
  const n = normalizeUrl(input);
  assert.ok(n.ok, `${input}: ${n.ok ? '' : n.message}`);
  return n.value;
}

describe('normalizeUrl', () => {
  it('the seed spellings share host, registrable domain and (for the bare site) the target', () => {
    const spellings = ['http://pancakak.com/', 'Pancakak.com', 'PANCAKAK.COM', 'http://a.b.pancakak.com/abc'];
    const all = spellings.map(ok);
    for (const n of all) {
      assert.equal(n.domain, 'pancakak.com');
      assert.equal(n.label, 'pancakak');
      assert.equal(n.suffix, 'com');
    }
    assert.deepEqual(new Set(all.slice(0, 3).map((n) => n.target)), new Set(['pancakak.com']));
    assert.equal(all[3]?.host, 'a.b.pancakak.com');
    assert.equal(all[3]?.subdomain, 'a.b');
    assert.equal(all[3]?.target, 'http://a.b.pancakak.com/abc');
    assert.deepEqual(hostAndParents(all[3] as never), ['a.b.pancakak.com', 'b.pancakak.com', 'pancakak.com']);
  });

  it('IDN both ways: Unicode in, punycode host out, and back', () => {
    const fromUnicode = ok('https://uniswаp.org/swap'); // Cyrillic а
    assert.equal(fromUnicode.host, 'xn--uniswp-7nf.org');
    assert.equal(fromUnicode.unicodeHost, 'uniswаp.org');
    const fromPunycode = ok('XN--UNISWP-7NF.ORG');
    assert.equal(fromPunycode.unicodeHost, 'uniswаp.org');
    assert.equal(fromPunycode.label, 'uniswаp');
    assert.equal(fromPunycode.target, fromUnicode.host);
  });

  it('registrable domain from the public suffix list with private suffixes', () => {
    const n = ok('https://app.uniswap.org.evil.co.uk/x');
    assert.equal(n.domain, 'evil.co.uk');
    assert.equal(n.subdomain, 'app.uniswap.org');
    assert.equal(ok('uniswap-app.vercel.app').domain, 'uniswap-app.vercel.app');
    assert.equal(ok('polkadot.js.org').label, 'polkadot');
  });

  it('IP literals, ports and credentials', () => {
    const v4 = ok('http://0x7f.1:8080/a');
    assert.equal(v4.isIp, true);
    assert.equal(v4.host, '127.0.0.1');
    assert.equal(v4.target, 'http://127.0.0.1:8080/a');
    const v6 = ok('http://[::1]/');
    assert.equal(v6.host, '::1');
    assert.equal(ok('https://uniswap.org@evil.com/').hadCredentials, true);
    assert.equal(ok('https://uniswap.org@evil.com/').host, 'evil.com');
  });

  it('invalid input says why', () => {
    const cases: [unknown, RegExp][] = [
      ['', /empty/],
      ['not a url', /whitespace/],
      ['javascript:alert(1)', /unsupported scheme/],
      ['ftp://x.com/', /unsupported scheme/],
      ['vercel.app', /public suffix/],
      ['example.notatld', /known public suffix/],
      ['http://exa mple.com', /whitespace/],
      [42, /must be a string/],
      [`${'a'.repeat(2100)}.com`, /longer than/],
    ];
    for (const [input, re] of cases) {
      const n = normalizeUrl(input);
      assert.equal(n.ok, false, String(input));
      if (!n.ok) assert.match(n.message, re);
    }
  });
});

describe('the four seed spellings through the engine', () => {
  let t: TestAnalyzer;
  before(async () => {
    t = await makeAnalyzer(null);
    await t.analyzer.importFeed({
      source: path.join(FIXTURES, 'feed-eth-phishing-detect.json'),
      category: 'phishing',
    });
  });
  after(async () => t?.close());

  it('give the same risk_level and risk_detail', () => {
    const results = [
      'http://pancakak.com/',
      'Pancakak.com',
      'PANCAKAK.COM',
      'http://a.b.pancakak.com/abc',
    ].map((u) => t.analyzer.quick(u));
    for (const r of results) {
      assert.equal(r.valid, true);
      assert.equal(r.domain, 'pancakak.com');
      assert.equal(r.riskLevel, 5);
      assert.deepEqual(r.riskDetail, results[0]?.riskDetail);
    }
    assert.deepEqual(
      results[0]?.riskDetail.map((d) => d.name),
      ['phishing_report'],
    );
  });

  it('invalid input is risk_level -1 with a message', () => {
    const r = t.analyzer.quick('javascript:alert(1)');
    assert.equal(r.riskLevel, -1);
    assert.equal(r.valid, false);
    assert.match(r.message ?? '', /scheme/);
  });
});
