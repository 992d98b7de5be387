import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/engines/contract/index.js';
import { securityScore } from '../../../src/engines/contract/score.js';

const f = (severity: Finding['severity'], confidence: Finding['confidence']) =>
  ({ severity, confidence }) as Finding;

describe('contract security score (docs/scoring.md#contract)', () => {
  it('matches the documented examples', () => {
    assert.equal(securityScore([]), 100);
    assert.equal(securityScore([f('critical', 'high')]), 70);
    assert.equal(securityScore([f('high', 'medium'), f('high', 'medium')]), 78.8);
    assert.equal(securityScore(Array.from({ length: 10 }, () => f('low', 'high'))), 90.4);
    assert.equal(securityScore([f('gas', 'high'), f('informational', 'high')]), 100);
  });
});
