import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { simulatorArtifact } from '../../../src/engines/token/simulation/artifact.js';
import { compileSimulator, SIMULATOR_SOURCE } from '../../../src/engines/token/simulation/build-artifact.js';

test('the shipped simulator artifact was built from the current TokenSimulator.sol', () => {
  const shipped = simulatorArtifact();
  const sourceHash = createHash('sha256').update(readFileSync(SIMULATOR_SOURCE, 'utf8')).digest('hex');
  assert.equal(
    shipped.sourceSha256,
    sourceHash,
    'TokenSimulator.sol changed: run `npx tsx src/engines/token/simulation/build-artifact.ts`',
  );
});

test('recompiling the source gives the shipped bytecode and ABI (same compiler) ', () => {
  const shipped = simulatorArtifact();
  const fresh = compileSimulator();
  assert.deepEqual(fresh.abi, shipped.abi);
  if (fresh.compiler === shipped.compiler) {
    assert.equal(fresh.deployedBytecode, shipped.deployedBytecode);
  } else {
    // A different solc (a newer ^0.8 install) emits different bytes; the ABI and source hash still bind them.
    assert.ok(fresh.deployedBytecode.length > 1000);
  }
});
