import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ADDRESS_CHECKS } from '../../../src/engines/address/checks/index.js';
import { renderAddressScoringSection, SCORING_DOC } from '../../../src/engines/address/docs.js';
import { RISK_LEVELS } from '../../../src/engines/address/types.js';

test('docs/scoring.md carries the generated address section (run npx tsx src/engines/address/docs.ts)', () => {
  assert.ok(readFileSync(SCORING_DOC, 'utf8').includes(renderAddressScoringSection()));
});

test('check registry: unique names, valid levels, metadata present', () => {
  const names = ADDRESS_CHECKS.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
  for (const c of ADDRESS_CHECKS) {
    assert.ok(RISK_LEVELS.includes(c.riskLevel), c.name);
    assert.ok(c.riskDesc.length > 10 && c.basis.length > 5, c.name);
  }
});
