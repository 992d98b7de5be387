import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeSources, listDetectors } from '../../../src/engines/contract/index.js';

const fixture = (id: string, kind: 'positive' | 'negative') =>
  new URL(`./fixtures/${id}/${kind}.sol`, import.meta.url);

describe('contract detectors: positive and negative fixtures', () => {
  const detectors = listDetectors();

  it('registers at least 60 detectors with complete metadata', () => {
    assert.ok(detectors.length >= 60, `only ${detectors.length} detectors`);
    for (const d of detectors) {
      assert.ok(d.title && d.description && d.recommendation, d.id);
      assert.ok(existsSync(fixture(d.id, 'positive')), `${d.id} has no positive fixture`);
      assert.ok(existsSync(fixture(d.id, 'negative')), `${d.id} has no negative fixture`);
    }
  });

  for (const d of detectors) {
    it(`${d.id} fires on its positive fixture`, async () => {
      const src = readFileSync(fixture(d.id, 'positive'), 'utf8');
      const r = await analyzeSources({ files: { 'positive.sol': src } }, { enabled: [d.id] });
      assert.deepEqual(r.parseErrors, []);
      assert.ok(
        r.findings.some((f) => f.detector === d.id),
        `${d.id} did not fire`,
      );
      for (const f of r.findings) {
        assert.equal(f.severity, d.severity);
        assert.ok(f.startLine >= 1 && f.snippet.length > 0);
        assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
      }
    });
    it(`${d.id} stays silent on its negative fixture`, async () => {
      const src = readFileSync(fixture(d.id, 'negative'), 'utf8');
      const r = await analyzeSources({ files: { 'negative.sol': src } }, { enabled: [d.id] });
      assert.deepEqual(r.parseErrors, []);
      assert.deepEqual(
        r.findings.map((f) => `${f.detector}@${f.startLine}: ${f.message}`),
        [],
      );
    });
  }
});
