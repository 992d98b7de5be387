// Every risk_detail name of seed 004 produced end to end (feeds, similarity, local pages, local RDAP).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { UrlScanResult } from '../../../src/engines/url/analyzer.js';
import { DETAIL_NAMES } from '../../../src/engines/url/details.js';
import { FIXTURES, makeAnalyzer, type Servers, startServers, type TestAnalyzer } from './helpers.js';

let servers: Servers;
let t: TestAnalyzer;
const produced = new Set<string>();

function detail(r: UrlScanResult, name: string): string | undefined {
  const d = r.riskDetail.find((x) => x.name === name);
  if (d) produced.add(name);
  return d?.value;
}

before(async () => {
  servers = await startServers();
  t = await makeAnalyzer(servers);
  await t.analyzer.importFeed({
    source: path.join(FIXTURES, 'feed-categories.csv'),
    format: 'csv',
    category: 'phishing',
  });
  await t.analyzer.importFeed({
    source: path.join(FIXTURES, 'feed-eth-phishing-detect.json'),
    category: 'phishing',
  });
});
after(async () => {
  await t?.close();
  await servers?.close();
});

describe('seed 004 risk details', () => {
  it('report checks come from feeds, with the seed wording', async () => {
    const cases: [string, string, string][] = [
      [
        'scam-shop.com',
        'scam_report',
        'The website has been reported to convince victims to send assets for items that look legitimate.',
      ],
      ['risky-exchange.net', 'risk_report', 'The website has been reported as risky.'],
      [
        'https://sites.google.com/view/metamask-restore/step2',
        'phishing_report',
        'The website has been reported to be phishing lures.',
      ],
      ['c2-server.top', 'threat_researcher', 'The website is referenced in reports by threat researchers.'],
      [
        'adware-popups.info',
        'spam_researcher',
        'The website is linked with Adware, Spam, and/or other unwanted content.',
      ],
      ['malware-drop.ru', 'malware_detection', 'The website was distributed or was connected to malware.'],
    ];
    for (const [url, name, value] of cases) {
      const r = t.analyzer.quick(url);
      assert.equal(detail(r, name), value, `${url} → ${name}`);
      assert.ok(r.riskLevel >= 2, `${url} level ${r.riskLevel}`);
    }
    // The path entry names one page, not the whole platform.
    assert.equal(t.analyzer.quick('https://sites.google.com/view/other').riskDetail.length, 0);
  });

  it('similarity_detection from the name alone (synchronous)', () => {
    const r = t.analyzer.quick('uniswap-airdrop.xyz');
    assert.match(detail(r, 'similarity_detection') ?? '', /typosquatting target domain/);
    assert.equal(r.riskLevel, 3);
  });

  it('phishing_detection, creation_time, owner (hidden) from the page and RDAP', async () => {
    const r = await t.analyzer.full('young-phish.xyz');
    assert.equal(
      detail(r, 'phishing_detection'),
      'The website is convicted as malicious by technical analysis.',
    );
    assert.equal(
      detail(r, 'creation_time_verification'),
      'The website creation time is very recent (3 days).',
    );
    assert.equal(detail(r, 'owner_verification'), 'The owner of the website name is hidden.');
    // The page claims MetaMask on a foreign domain: content similarity.
    assert.ok(detail(r, 'similarity_detection'));
    assert.equal(r.riskLevel, 5);
  });

  it('owner_verification risky, expiration soon and expired', async () => {
    const risky = await t.analyzer.full('risky-owner.com');
    assert.equal(detail(risky, 'owner_verification'), 'The owner of the website name is risky.');
    const soon = await t.analyzer.full('expiring.com');
    assert.equal(
      detail(soon, 'expiration_time_verification'),
      'Short life expectancy website(10 days left).',
    );
    const expired = await t.analyzer.full('expired.com');
    assert.equal(detail(expired, 'expiration_time_verification'), 'The website is expired.');
  });

  it('a clean, old, identified site has no details', async () => {
    const r = await t.analyzer.full('old-site.com');
    assert.deepEqual(r.riskDetail, []);
    assert.equal(r.riskLevel, 0);
    assert.equal(r.content.status, 'ok');
    assert.equal(r.rdap.status, 'ok');
  });

  it('produced every detail name of the seed', () => {
    assert.deepEqual([...produced].sort(), [...DETAIL_NAMES].sort());
  });
});
