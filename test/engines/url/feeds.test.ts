import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { categoryToDetail } from '../../../src/engines/url/feeds/categories.js';
import { FeedIndex } from '../../../src/engines/url/feeds/feed-index.js';
import {
  detectFormat,
  parseCsv,
  parseDomainList,
  parseEthPhishingDetect,
  parseJsonList,
  splitCsvLine,
} from '../../../src/engines/url/feeds/parse.js';
import { listFeeds, removeFeed } from '../../../src/engines/url/feeds/store.js';
import { isGuarded, loadTopSites } from '../../../src/engines/url/feeds/top-sites.js';
import { normalizeUrl } from '../../../src/engines/url/normalize.js';
import { FIXTURES, makeAnalyzer, type TestAnalyzer } from './helpers.js';

const read = (f: string) => readFileSync(path.join(FIXTURES, f), 'utf8');

describe('feed parsers', () => {
  it('eth-phishing-detect config: blacklist, whitelist, fuzzylist', () => {
    const p = parseEthPhishingDetect(read('feed-eth-phishing-detect.json'), 'phishing');
    assert.equal(p.entries.filter((e) => e.list === 'block').length, 6);
    assert.equal(p.entries.filter((e) => e.list === 'allow').length, 3);
    assert.deepEqual(
      p.entries.filter((e) => e.list === 'fuzzy').map((e) => e.host),
      ['myfancywallet.io'],
    );
    assert.ok(p.entries.filter((e) => e.list === 'block').every((e) => e.detail === 'phishing_report'));
    assert.throws(
      () => parseEthPhishingDetect('{"foo": 1}', 'phishing'),
      /not an eth-phishing-detect config/,
    );
    assert.throws(() => parseEthPhishingDetect('{oops', 'phishing'), /not valid JSON/);
  });

  it('plain lists accept hosts-file, adblock and wildcard lines and report rejects', () => {
    const p = parseDomainList(read('feed-domains.txt'), 'scam');
    assert.deepEqual(
      p.entries.map((e) => e.host),
      ['wallet-connect-sync.net', 'seed-validate.app', 'airdrop-claims.xyz', 'drainer-cdn.com'],
    );
    assert.ok(p.entries.every((e) => e.detail === 'scam_report'));
    assert.equal(p.rejectedCount, 2);
  });

  it('CSV with categories maps each to its report check; allow rows go to the allowlist', () => {
    const p = parseCsv(read('feed-categories.csv'), 'phishing');
    const by = Object.fromEntries(p.entries.map((e) => [e.host, e.detail ?? e.list]));
    assert.equal(by['scam-shop.com'], 'scam_report');
    assert.equal(by['risky-exchange.net'], 'risk_report');
    assert.equal(by['c2-server.top'], 'threat_researcher');
    assert.equal(by['adware-popups.info'], 'spam_researcher');
    assert.equal(by['malware-drop.ru'], 'malware_detection');
    assert.equal(by['legit-partner.com'], 'allow');
    const page = p.entries.find((e) => e.host === 'sites.google.com');
    assert.equal(page?.path, '/view/metamask-restore');
    assert.deepEqual(splitCsvLine('"a,b",c,"d ""e"""', ','), ['a,b', 'c', 'd "e"']);
  });

  it('JSON lists in their common shapes', () => {
    const p = parseJsonList(read('feed-list.json'), 'phishing');
    const by = Object.fromEntries(p.entries.map((e) => [e.host, e.detail ?? e.list]));
    assert.deepEqual(by, {
      'giveaway-elon-eth.com': 'scam_report',
      'claim-arbitrum.io': 'phishing_report',
      'pancakeswap-community.org': 'allow',
    });
    assert.equal(parseJsonList('["a-phish.com"]', 'malware').entries[0]?.detail, 'malware_detection');
  });

  it('categories: names, aliases and unknown ones', () => {
    assert.equal(categoryToDetail('phishing'), 'phishing_report');
    assert.equal(categoryToDetail('threat_researcher'), 'threat_researcher');
    assert.equal(categoryToDetail('Adware'), 'spam_researcher');
    assert.throws(() => categoryToDetail('weather'), /Unknown feed category/);
  });

  it('detects the format from content and name', () => {
    assert.equal(detectFormat('x.json', read('feed-eth-phishing-detect.json')), 'eth-phishing-detect');
    assert.equal(detectFormat('x.json', read('feed-list.json')), 'json');
    assert.equal(detectFormat('x.csv', read('feed-categories.csv')), 'csv');
    assert.equal(detectFormat('x.txt', read('feed-domains.txt')), 'domains');
  });

  it('the top-sites guard drops whole-platform blocks but keeps page entries', () => {
    const top = loadTopSites();
    assert.equal(isGuarded({ host: 'x.com', path: '', list: 'block', detail: 'phishing_report' }, top), true);
    assert.equal(
      isGuarded({ host: 'docs.google.com', path: '', list: 'block', detail: 'phishing_report' }, top),
      true,
    );
    assert.equal(
      isGuarded({ host: 'sites.google.com', path: '/view/x', list: 'block', detail: 'phishing_report' }, top),
      false,
    );
    assert.equal(
      isGuarded({ host: 'evil.vercel.app', path: '', list: 'block', detail: 'phishing_report' }, top),
      false,
    );
  });
});

describe('feed index', () => {
  const index = new FeedIndex();
  index.replace([
    { sourceId: 's', host: 'evil.com', path: '', list: 'block', detail: 'phishing_report' },
    { sourceId: 's', host: 'good.evil.com', path: '', list: 'allow', detail: null },
    { sourceId: 's', host: 'platform.io', path: '', list: 'allow', detail: null },
    { sourceId: 's', host: 'bad.platform.io', path: '', list: 'block', detail: 'scam_report' },
    {
      sourceId: 's',
      host: 'sites.example.org',
      path: '/view/evil',
      list: 'block',
      detail: 'phishing_report',
    },
  ]);
  const look = (u: string) => {
    const n = normalizeUrl(u);
    assert.ok(n.ok);
    return index.lookup(n.value);
  };

  it('matches the host and every parent, in O(labels)', () => {
    assert.equal(look('a.b.evil.com').blocks[0]?.detail, 'phishing_report');
    assert.equal(look('notevil.com').blocks.length, 0);
  });
  it('the most specific entry wins between allow and block', () => {
    assert.equal(look('good.evil.com').allowed, true);
    assert.equal(look('x.good.evil.com').blocks.length, 0);
    assert.equal(look('bad.platform.io').blocks[0]?.detail, 'scam_report');
    assert.equal(look('ok.platform.io').allowed, true);
  });
  it('path entries match the path prefix only', () => {
    assert.equal(look('https://sites.example.org/view/evil/step2').blocks.length, 1);
    assert.equal(look('https://sites.example.org/view/evilish').blocks.length, 0);
    assert.equal(look('https://sites.example.org/').blocks.length, 0);
  });
  it('an empty index allows nothing and blocks nothing', () => {
    const empty = new FeedIndex();
    const n = normalizeUrl('a.com');
    assert.ok(n.ok);
    assert.deepEqual(empty.lookup(n.value), { allowed: false, allowHost: null, blocks: [] });
  });
});

describe('importing feeds into the store', () => {
  let t: TestAnalyzer;
  before(async () => {
    t = await makeAnalyzer(null);
  });
  after(async () => t?.close());

  it('imports, guards, replaces on re-import, removes', async () => {
    const src = path.join(FIXTURES, 'feed-eth-phishing-detect.json');
    const r = await t.analyzer.importFeed({ source: src, category: 'phishing' });
    assert.equal(r.format, 'eth-phishing-detect');
    assert.equal(r.guarded, 3); // x.com, calendly.com, docs.google.com
    assert.deepEqual(r.guardedSample.sort(), ['calendly.com', 'docs.google.com', 'x.com']);
    assert.equal(t.analyzer.quick('x.com').riskLevel, 0);
    assert.equal(t.analyzer.quick('evil-drainer.xyz').riskDetail[0]?.name, 'phishing_report');
    // Allowlisted and blocked at once: the allowlist wins (same specificity), like eth-phishing-detect.
    assert.equal(t.analyzer.quick('pancake-recipes.com').riskLevel, 0);
    // The fuzzylist becomes a protected target for similarity; the allowlist wins over it.
    assert.equal(t.analyzer.quick('myfancywalet.io').riskDetail[0]?.name, 'similarity_detection');
    assert.equal(t.analyzer.quick('uniswap-fan.org').riskDetail.length, 0);
    const again = await t.analyzer.importFeed({ source: src, category: 'phishing' });
    assert.equal(again.stored, r.stored);
    const feeds = await listFeeds(t.db);
    assert.equal(feeds.length, 1);
    assert.equal(await removeFeed(t.db, r.id), true);
    await t.analyzer.ready();
    assert.equal(t.analyzer.quick('evil-drainer.xyz').riskLevel, 0);
  });

  it('a missing file is a clear error', async () => {
    await assert.rejects(t.analyzer.importFeed({ source: '/nonexistent/feed.txt' }), /Cannot read feed file/);
  });
});
