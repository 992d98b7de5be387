import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Address, encodeErrorResult, type Hex } from 'viem';
import { simulatorArtifact } from '../../../src/engines/token/simulation/artifact.js';
import {
  decodeSimulated,
  describeRevert,
  type SimulatedLeg,
  taxPercent,
} from '../../../src/engines/token/simulation/decode.js';
import { interpretOutcome } from '../../../src/engines/token/simulation/interpret.js';

const ok = (quoted: bigint, received: bigint, gasUsed = 100_000n): SimulatedLeg => ({
  attempted: true,
  ok: true,
  quoted,
  received,
  gasUsed,
  revertData: '0x',
});
const failed = (revertData: Hex): SimulatedLeg => ({
  attempted: true,
  ok: false,
  quoted: 1000n,
  received: 0n,
  gasUsed: 50_000n,
  revertData,
});
const none: SimulatedLeg = {
  attempted: false,
  ok: false,
  quoted: 0n,
  received: 0n,
  gasUsed: 0n,
  revertData: '0x',
};
const errorString = (msg: string): Hex =>
  encodeErrorResult({
    abi: [{ type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] }],
    errorName: 'Error',
    args: [msg],
  });
const meta: { venue: 'v2'; router: Address; path: Address[]; amountIn: bigint } = {
  venue: 'v2',
  router: '0x0000000000000000000000000000000000000001',
  path: [],
  amountIn: 1n,
};

test('the custom error round-trips through the shipped ABI', () => {
  const { abi } = simulatorArtifact();
  const outcome = { buy: ok(1000n, 970n), transfer: ok(970n, 970n), sell: ok(500n, 5n), sellPartial: none };
  const data = encodeErrorResult({ abi, errorName: 'Simulated', args: [outcome] });
  assert.deepEqual(decodeSimulated(abi, data), outcome);
  assert.equal(decodeSimulated(abi, errorString('nope')), null);
});

test('tax is (quoted - received) / quoted, clamped at zero, null without a quote', () => {
  assert.equal(taxPercent(ok(1000n, 970n)), 3);
  assert.equal(taxPercent(ok(1000n, 1010n)), 0);
  assert.equal(taxPercent(ok(0n, 10n)), null);
  assert.equal(taxPercent(failed('0x')), null);
});

test('verdicts: honeypot on reverted sells, on >= 90% sell tax, and on blocked transfers', () => {
  const blocked = interpretOutcome(
    {
      buy: ok(1000n, 1000n),
      transfer: ok(1000n, 1000n),
      sell: failed(errorString('no')),
      sellPartial: failed('0x'),
    },
    meta,
  );
  assert.equal(blocked.cannotSell, true);
  assert.equal(blocked.isHoneypot, true);
  assert.equal(blocked.legs.sell.revertReason, 'no');

  const partial = interpretOutcome(
    { buy: ok(1000n, 1000n), transfer: ok(1000n, 1000n), sell: failed('0x'), sellPartial: ok(1000n, 980n) },
    meta,
  );
  assert.equal(partial.cannotSellAll, true);
  assert.equal(partial.isHoneypot, false);
  assert.equal(partial.sellTax, 2);

  const greedy = interpretOutcome(
    { buy: ok(1000n, 1000n), transfer: ok(1000n, 1000n), sell: ok(1000n, 95n), sellPartial: none },
    meta,
  );
  assert.equal(greedy.sellTax, 90.5);
  assert.equal(greedy.isHoneypot, true);

  const noTransfer = interpretOutcome(
    { buy: ok(1000n, 1000n), transfer: failed(errorString('blacklisted')), sell: none, sellPartial: none },
    meta,
  );
  assert.equal(noTransfer.transferBlocked, true);
  assert.equal(noTransfer.isHoneypot, true);

  const gas = interpretOutcome(
    {
      buy: ok(1000n, 1000n),
      transfer: ok(1000n, 1000n),
      sell: ok(1000n, 1000n, 3_000_000n),
      sellPartial: none,
    },
    meta,
  );
  assert.equal(gas.gasAnomaly, true);
});

test('revert reasons: Error(string), Panic, and unknown custom errors', () => {
  assert.equal(describeRevert(errorString('Trading not enabled')), 'Trading not enabled');
  assert.equal(describeRevert('0x'), null);
  assert.match(describeRevert('0xdeadbeef00') ?? '', /custom error 0xdeadbeef/);
});
