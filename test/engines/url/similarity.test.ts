import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeUrl } from '../../../src/engines/url/normalize.js';
import { classifyEdit } from '../../../src/engines/url/similarity/classify.js';
import { DeletionIndex } from '../../../src/engines/url/similarity/deletion-index.js';
import { SimilarityDetector } from '../../../src/engines/url/similarity/detector.js';
import { osaDistance } from '../../../src/engines/url/similarity/edit-distance.js';
import {
  loadComboKeywords,
  loadProtectedTargets,
  parseTargetsJson,
  parseTargetsText,
} from '../../../src/engines/url/similarity/protected-targets.js';
import { isMixedScript, skeleton } from '../../../src/engines/url/similarity/skeleton.js';

const targets = loadProtectedTargets();
const detector = new SimilarityDetector(targets, { keywords: loadComboKeywords() });

function detect(url: string) {
  const n = normalizeUrl(url);
  assert.ok(n.ok, url);
  return detector.detect(n.value);
}

describe('protected targets', () => {
  it('the default list has at least 500 brands with official domains, wallets to NFT markets', () => {
    assert.ok(targets.length >= 500, `${targets.length} brands`);
    const categories = new Set(targets.map((t) => t.category));
    for (const c of ['wallet', 'exchange', 'dex', 'bridge', 'nft']) assert.ok(categories.has(c), c);
    for (const t of targets)
      assert.ok(t.domains.length > 0 && t.domains.every((d) => /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d)), t.brand);
  });

  it('operators extend it in text or JSON; bad files fail clearly', () => {
    const text = parseTargetsText('wallet | Acme Wallet | acmewallet.io | labels=acme', 'x.txt');
    assert.deepEqual(
      text[0]?.labels.map((l) => l.label),
      ['acmewallet', 'acme'],
    );
    const json = parseTargetsJson(
      JSON.stringify({ targets: [{ brand: 'Acme', domains: ['acme.finance'], generic: true }] }),
      'x.json',
    );
    assert.equal(json[0]?.labels[0]?.generic, true);
    assert.throws(() => parseTargetsText('just one field', 'bad.txt'), /bad.txt:1/);
    assert.throws(() => parseTargetsText('wallet | A | a.com | weird', 'bad.txt'), /unknown flag/);
  });
});

describe('skeleton and edit distance', () => {
  it('TR39-style skeleton: confusables, marks, multi-character prototypes', () => {
    assert.equal(skeleton('uniswаp'), skeleton('uniswap')); // Cyrillic а
    assert.equal(skeleton('rnetamask'), skeleton('metamask')); // rn ~ m
    assert.equal(skeleton('0pensea'), skeleton('opensea'));
    assert.equal(skeleton('ünïswap'), skeleton('uniswap')); // marks dropped
    assert.equal(isMixedScript('uniswаp'), true);
    assert.equal(isMixedScript('uniswap'), false);
  });

  it('OSA distance with transpositions and a bound', () => {
    assert.equal(osaDistance('metamask', 'metamaks'), 1);
    assert.equal(osaDistance('uniswap', 'unswap'), 1);
    assert.equal(osaDistance('kitten', 'sitting'), 3);
    assert.equal(osaDistance('abcdef', 'uvwxyz', 2), 3);
  });

  it('classifies single edits into dnstwist families', () => {
    assert.equal(classifyEdit('metamsk', 'metamask'), 'omission');
    assert.equal(classifyEdit('metamaskk', 'metamask'), 'repetition');
    assert.equal(classifyEdit('metamasqk', 'metamask'), 'insertion');
    assert.equal(classifyEdit('metamaks', 'metamask'), 'transposition');
    assert.equal(classifyEdit('metamask', 'metemask'), 'vowel-swap');
    assert.equal(classifyEdit('cointase', 'coinbase'), 'replacement');
    assert.equal(classifyEdit('coinbasf', 'coinbase'), 'replacement'); // e ^ f = 0x03: two bits
    assert.equal(classifyEdit('coinbasg', 'coinbase'), 'bitsquatting'); // e ^ g = 0x02: one bit
    assert.equal(classifyEdit('uniswaps', 'uniswap'), 'plural');
  });
});

describe('deletion-neighbourhood index', () => {
  it('finds exactly what brute-force OSA finds, over 10,000 keys', () => {
    const index = new DeletionIndex<string>();
    const keys: string[] = [];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < 10_000; i++) {
      const len = 5 + Math.floor(rnd() * 10);
      let k = '';
      for (let j = 0; j < len; j++) k += alphabet[Math.floor(rnd() * alphabet.length)];
      keys.push(k);
      index.add(k, k, len >= 10 ? 2 : 1);
    }
    for (let q = 0; q < 200; q++) {
      const base = keys[Math.floor(rnd() * keys.length)] as string;
      const i = Math.floor(rnd() * base.length);
      const query = q % 2 ? base.slice(0, i) + base.slice(i + 1) : `${base.slice(0, i)}x${base.slice(i)}`;
      const expected = keys.filter(
        (k) => k !== query && osaDistance(query, k, k.length >= 10 ? 2 : 1) <= (k.length >= 10 ? 2 : 1),
      );
      const got = index.search(query).map((h) => h.key);
      assert.deepEqual(new Set(got), new Set(expected), query);
    }
  });
});

describe('similarity detection', () => {
  const cases: [string, string, string][] = [
    ['metamsk.io', 'MetaMask', 'omission'],
    ['metamaks.io', 'MetaMask', 'transposition'],
    ['metamaskk.io', 'MetaMask', 'repetition'],
    ['unlswap.org', 'Uniswap', 'replacement'],
    ['pancake-swap.finance', 'PancakeSwap', 'hyphenation'],
    ['uniswap.app', 'Uniswap', 'tld-swap'],
    ['uniswаp.org', 'Uniswap', 'homoglyph'],
    ['xn--uniswp-7nf.org', 'Uniswap', 'homoglyph'],
    ['rnetamask.io', 'MetaMask', 'homoglyph'],
    ['0pensea.io', 'OpenSea', 'homoglyph'],
    ['uniswap-airdrop.xyz', 'Uniswap', 'combosquatting'],
    ['claim-pancakeswap.app', 'PancakeSwap', 'combosquatting'],
    ['metamaskrestore.com', 'MetaMask', 'combosquatting'],
    ['uniswapp-airdrop.io', 'Uniswap', 'combosquatting'],
    ['pancakeswap.finance.evil.io', 'PancakeSwap', 'brand-in-subdomain'],
    ['https://app.uniswap.org.evil.co.uk/x', 'Uniswap', 'brand-in-subdomain'],
    ['metamask-login.secure-auth.com', 'MetaMask', 'brand-in-subdomain'],
    ['uniswap.vercel.app', 'Uniswap', 'tld-swap'],
    ['curve-finance-claim.com', 'Curve', 'combosquatting'],
  ];
  for (const [url, brand, technique] of cases) {
    it(`${url} → ${brand} by ${technique}`, () => {
      const top = detect(url)[0];
      assert.ok(top, `no match for ${url}`);
      assert.equal(top.brand, brand);
      assert.equal(top.technique, technique);
    });
  }

  it('bit-flips are named', () => {
    assert.equal(detect('coinbasg.com')[0]?.technique, 'bitsquatting'); // e ^ g = 0x02
  });

  it('compares the registrable label, not the host: subdomains do not hide a look-alike', () => {
    assert.equal(detect('www.login.metamsk.io')[0]?.brand, 'MetaMask');
  });

  it('official domains and their subdomains, and unrelated sites, are not flagged', () => {
    for (const url of [
      'uniswap.org',
      'app.uniswap.org',
      'metamask.io',
      'docs.metamask.io',
      'pancakeswap.finance',
      'google.com',
      'wikipedia.org',
      'curve.fi',
      'safe.global',
      'bbc.co.uk',
    ]) {
      assert.deepEqual(detect(url), [], url);
    }
  });

  it('generic-word brands need a crypto keyword', () => {
    assert.deepEqual(detect('curve-fitting.com'), []);
    assert.deepEqual(detect('safe.com'), []);
    assert.ok(detect('safe-wallet-connect.xyz').length > 0);
  });

  it('stays fast with 10,000 protected targets (index, not a scan)', () => {
    const many = [...targets];
    for (let i = 0; i < 10_000 - targets.length; i++) {
      many.push({
        brand: `Brand${i}`,
        category: 'synthetic',
        domains: [`brand${i}token.com`],
        labels: [{ label: `brand${i}token`, generic: false }],
        source: 'test',
      });
    }
    const big = new SimilarityDetector(many, { keywords: loadComboKeywords() });
    assert.equal(big.size, many.length);
    const n = normalizeUrl('brand4242tokem.com');
    assert.ok(n.ok);
    assert.equal(big.detect(n.value)[0]?.brand, 'Brand4242');
  });
});

describe('docs', () => {
  it('docs/scoring.md has the generated url section, up to date', async () => {
    const { readFileSync } = await import('node:fs');
    const { SCORING_DOC, urlScoringSection } = await import('../../../src/engines/url/docs.js');
    assert.ok(
      readFileSync(SCORING_DOC, 'utf8').includes(urlScoringSection()),
      'run: npx tsx src/engines/url/docs.ts',
    );
  });
});
