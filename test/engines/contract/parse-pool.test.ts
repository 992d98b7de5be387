import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAll } from '../../../src/engines/contract/worker/parse-pool.js';

describe('parse pool', () => {
  it('parses with worker threads (started from TypeScript under tsx) and keeps input order', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => ({
      path: `c${i}.sol`,
      source: `pragma solidity ^0.8.0;\ncontract C${i} { uint256 public x${i}; function f() external { x${i} = ${i}; } }\n`,
    }));
    jobs.push({
      path: 'old.sol',
      source: 'pragma solidity ^0.4.11;\ncontract Old { function f() { throw; } }\n',
    });
    jobs.push({ path: 'broken.sol', source: 'pragma solidity ^0.8.0;\ncontract { function }\n' });
    const out = await parseAll(jobs, { threads: 2 });
    assert.equal(out.length, jobs.length);
    out.slice(0, 40).forEach((p, i) => {
      assert.equal(p.path, `c${i}.sol`);
      assert.deepEqual(p.errors, []);
      assert.equal(p.tree.kind, 'SourceUnit');
    });
    assert.match(out[40]!.languageVersion, /^0\.4\./);
    assert.deepEqual(out[40]!.errors, []);
    assert.ok(out[41]!.errors.length > 0);
  });
});
