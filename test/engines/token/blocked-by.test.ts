// Which contract blocked the trade: debug_traceCall (callTracer, same state overrides) on a real anvil,
// for a token whose sell block lives in a separate guard contract, plus revertOrigin on crafted traces.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Address, getAddress, type Hex, parseAbi, parseEther } from 'viem';
import { createChainClient } from '../../../src/chain/client.js';
import { revertOrigin, simulateTrade } from '../../../src/engines/token/simulation/simulate.js';
import { type AnvilInstance, deployed, mined, startAnvil } from '../../helpers/anvil.js';
import { compileFiles } from '../../helpers/solc.js';
import { deployTestBed, FIXTURE_DIR, type TestBed } from './testbed.js';

let chain: AnvilInstance;
let bed: TestBed;
let token: Address;
let guard: Address;

const routerAbi = parseAbi([
  'function addLiquidityETH(address,uint256,uint256,uint256,address,uint256) payable returns (uint256,uint256,uint256)',
]);
const factoryAbi = parseAbi(['function getPair(address,address) view returns (address)']);

before(async () => {
  chain = await startAnvil();
  bed = await deployTestBed(chain);
  const w = chain.walletClient;
  const pub = chain.publicClient;
  const mine = (hash: Hex) => mined(chain, hash);
  const out = compileFiles([`${FIXTURE_DIR}/GuardedToken.sol`]);
  const tokenC = out.contract('GuardedToken');
  const guardC = out.contract('SellGuard');
  token = await deployed(chain, tokenC, ['Guarded', 'GRD', parseEther('1000000')]);
  guard = await deployed(chain, guardC, [w.account.address]);
  await mine(
    await w.writeContract({ address: token, abi: tokenC.abi, functionName: 'setGuard', args: [guard] }),
  );
  await mine(
    await w.writeContract({
      address: token,
      abi: tokenC.abi,
      functionName: 'approve',
      args: [bed.router, parseEther('500000')],
    }),
  );
  await mine(
    await w.writeContract({
      address: bed.router,
      abi: routerAbi,
      functionName: 'addLiquidityETH',
      args: [token, parseEther('500000'), 0n, 0n, w.account.address, 2n ** 40n],
      value: parseEther('10'),
    }),
  );
  const pair = await pub.readContract({
    address: bed.factory,
    abi: factoryAbi,
    functionName: 'getPair',
    args: [token, bed.weth],
  });
  // Sells (transfers into the pair) are closed for everyone but the deployer.
  await mine(await w.writeContract({ address: guard, abi: guardC.abi, functionName: 'close', args: [pair] }));
});
after(() => chain?.stop());

describe('blockedBy', () => {
  test('a sell blocked by a separate guard contract names the guard, not the token', async () => {
    const r = await simulateTrade({
      chain: createChainClient({
        id: chain.chainId,
        name: 'anvil',
        rpcUrls: [chain.rpcUrl],
        nativeSymbol: 'ETH',
      }),
      blockNumber: await chain.publicClient.getBlockNumber(),
      router: bed.router,
      buyPath: [bed.weth, token],
      amountIn: parseEther('0.01'),
    });
    assert.equal(r.cannotBuy, false);
    assert.equal(r.cannotSell, true);
    assert.equal(r.isHoneypot, true);
    assert.deepEqual(r.blockedBy, {
      address: guard,
      isToken: false,
      reason: 'SellGuard: destination closed',
      note: null,
    });
  });

  test('revertOrigin: the last failing step, down to the contract that raised the error', () => {
    const trace = {
      to: '0xprobe',
      error: 'execution reverted',
      calls: [
        { to: '0xquote', error: 'execution reverted' }, // a failed quote before the buy
        { to: '0xrouter', calls: [{ to: '0xpair' }] }, // the buy worked
        {
          to: '0xreceiver',
          calls: [
            {
              to: '0xrouter',
              error: 'execution reverted',
              calls: [
                { to: '0xtoken', error: 'execution reverted', calls: [{ to: '0xguard', error: 'blocked' }] },
              ],
            },
          ],
        },
      ],
    };
    assert.equal(revertOrigin(trace)?.to, '0xguard');
    assert.equal(
      revertOrigin({ to: '0xprobe', error: 'execution reverted', calls: [{ to: '0xok' }] }),
      undefined,
    );
  });
});
