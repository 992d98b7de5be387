import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../../scripts/eval-contracts.js';
import { analyzePath } from '../../../src/engines/contract/index.js';

describe('contract engine on real inputs', () => {
  it('meets recall >= 70% and precision >= 60% on the labeled corpus', async () => {
    const r = await evaluate(fileURLToPath(new URL('../../corpus', import.meta.url)));
    assert.ok(r.files >= 100, `corpus has ${r.files} contracts`);
    assert.ok(r.overall.recall >= 0.7, `recall ${r.overall.recall}`);
    assert.ok(r.overall.precision >= 0.6, `precision ${r.overall.precision}`);
  });

  it('analyzes all of @openzeppelin/contracts v5 without parse errors or critical/high findings', async () => {
    const dir = dirname(createRequire(import.meta.url).resolve('@openzeppelin/contracts/package.json'));
    const r = await analyzePath(dir);
    assert.ok(r.summary.filesAnalyzed >= 200);
    assert.deepEqual(r.parseErrors, []);
    const severe = r.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
    assert.deepEqual(
      severe.map((f) => `${f.detector} ${f.file}:${f.startLine}`),
      [],
    );
  });
});
