import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Address, parseEther } from 'viem';
import { type ChainClient, createChainClient } from '../../../src/chain/client.js';
import { simulateTrade } from '../../../src/engines/token/simulation/simulate.js';
import { type AnvilInstance, startAnvil } from '../../helpers/anvil.js';
import { deployTestBed, type TestBed } from './testbed.js';

let chain: AnvilInstance;
let bed: TestBed;
let client: ChainClient;

before(async () => {
  chain = await startAnvil();
  bed = await deployTestBed(chain);
  client = createChainClient({
    id: chain.chainId,
    name: 'anvil',
    rpcUrls: [chain.rpcUrl],
    nativeSymbol: 'ETH',
  });
});
after(() => chain.stop());

async function sim(key: string) {
  const token = bed.tokens[key];
  assert.ok(token, key);
  return simulateTrade({
    chain: client,
    blockNumber: await chain.publicClient.getBlockNumber(),
    router: bed.router,
    buyPath: [bed.weth, token.address as Address],
    amountIn: parseEther('0.01'),
  });
}

describe('honeypot and tax simulation against the local DEX', () => {
  test('clean token: no tax, sells work', async () => {
    const r = await sim('clean');
    assert.equal(r.buyTax, 0);
    assert.equal(r.transferTax, 0);
    assert.ok(r.sellTax !== null && r.sellTax < 1, `sell tax ${r.sellTax}`);
    assert.equal(r.isHoneypot, false);
    assert.equal(r.cannotSell, false);
    assert.equal(r.blockedBy, undefined, 'nothing failed, nothing traced');
  });

  test('honeypot: buy works, every sell reverts', async () => {
    const r = await sim('honeypot');
    assert.equal(r.cannotBuy, false);
    assert.equal(r.cannotSell, true);
    assert.equal(r.isHoneypot, true);
    assert.match(r.legs.sell.revertReason ?? '', /TRANSFER_FROM_FAILED/);
    // debug_traceCall names the contract that raised the error: the token itself.
    assert.equal(r.blockedBy?.address, bed.tokens.honeypot?.address);
    assert.equal(r.blockedBy?.isToken, true);
    assert.match(r.blockedBy?.reason ?? '', /TRANSFER_FROM_FAILED/);
  });

  for (const key of ['sellTax99', 'moderateTax']) {
    test(`${key}: measured taxes match the coded ones within 1 percentage point`, async () => {
      const r = await sim(key);
      const coded = bed.tokens[key]?.coded;
      assert.ok(coded);
      assert.ok(Math.abs((r.buyTax ?? -100) - coded.buy) <= 1, `buy ${r.buyTax} vs ${coded.buy}`);
      assert.ok(Math.abs((r.transferTax ?? -100) - coded.transfer) <= 1, `transfer ${r.transferTax}`);
      assert.ok(Math.abs((r.sellTax ?? -100) - coded.sell) <= 1, `sell ${r.sellTax} vs ${coded.sell}`);
      assert.equal(r.isHoneypot, coded.sell >= 90);
    });
  }

  test('trading not enabled: the buy itself reverts with the token reason', async () => {
    const r = await sim('tradingDisabled');
    assert.equal(r.cannotBuy, true);
    assert.match(r.legs.buy.revertReason ?? '', /UniswapV2|Trading not enabled|TRANSFER_FAILED/);
    // The router only says TRANSFER_FAILED; the trace reaches the token's own reason.
    assert.equal(r.blockedBy?.address, bed.tokens.tradingDisabled?.address);
    assert.equal(r.blockedBy?.reason, 'Trading not enabled');
  });

  test('the simulation leaves no trace on chain', async () => {
    const before = await chain.publicClient.getBlockNumber();
    await sim('clean');
    assert.equal(await chain.publicClient.getBlockNumber(), before);
  });
});
