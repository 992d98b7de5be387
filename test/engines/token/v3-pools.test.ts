// V3-style pools on a real UniswapV3Factory (from @uniswap/v3-core's build artifacts): discovery per fee
// tier, valuation by the pool's balances, dexTitles, and a V3-only token (no V2 route to simulate through).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { type Abi, type Address, getAddress, type Hex, parseAbi, parseEther } from 'viem';
import type { Db } from '../../../src/core/db/types.js';
import { type AnvilInstance, deployed, mined, startAnvil } from '../../helpers/anvil.js';
import { compileFiles } from '../../helpers/solc.js';
import { engineFor, memoryDb, runContext, tokenConfig } from './engine-setup.js';
import { deployTestBed, FIXTURE_DIR, type TestBed } from './testbed.js';

const require = createRequire(import.meta.url);
let chain: AnvilInstance;
let bed: TestBed;
let db: Db;
let v3Factory: Address;
let v3Only: Address;
let v3Honeypot: Address;

const v3FactoryAbi = parseAbi([
  'function createPool(address,address,uint24) returns (address)',
  'function getPool(address,address,uint24) view returns (address)',
]);
const poolAbi = parseAbi(['function initialize(uint160)']);
const erc20 = parseAbi(['function approve(address,uint256) returns (bool)', 'function deposit() payable']);
const honeypotAbi = parseAbi(['function allowSender(address)']);
const minterAbi = parseAbi(['function mint(address,int24,int24,uint128)']);

before(async () => {
  chain = await startAnvil();
  bed = await deployTestBed(chain);
  db = await memoryDb();
  const w = chain.walletClient;
  const pub = chain.publicClient;
  const mine = (hash: Hex) => mined(chain, hash);

  const deploy = (c: { abi: Abi; bytecode: Hex }, args: unknown[] = []) => deployed(chain, c, args);
  const build =
    require('@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json') as {
      abi: Abi;
      bytecode: Hex;
    };
  v3Factory = await deploy(build);
  const out = compileFiles([
    `${FIXTURE_DIR}/CleanToken.sol`,
    `${FIXTURE_DIR}/AllowlistHoneypotToken.sol`,
    `${FIXTURE_DIR}/V3LiquidityMinter.sol`,
  ]);
  v3Only = await deploy(out.contract('CleanToken'), ['Vee Three', 'VEE3', parseEther('1000000')]);
  v3Honeypot = await deploy(out.contract('AllowlistHoneypotToken'), [
    'Vee Trap',
    'VTRAP',
    parseEther('1000000'),
  ]);
  const minter = await deploy(out.contract('V3LiquidityMinter'));
  await mine(
    await w.writeContract({
      address: bed.weth,
      abi: erc20,
      functionName: 'deposit',
      value: parseEther('20'),
    }),
  );
  // A full-range 0.3% position of 5 tokens + 5 WETH (price 1:1) for each V3 token; the clean token
  // also keeps its deeper V2 pair.
  for (const token of [v3Only, v3Honeypot, bed.tokens.clean?.address as Address]) {
    await mine(
      await w.writeContract({
        address: v3Factory,
        abi: v3FactoryAbi,
        functionName: 'createPool',
        args: [token, bed.weth, 3000],
      }),
    );
    const pool = await pub.readContract({
      address: v3Factory,
      abi: v3FactoryAbi,
      functionName: 'getPool',
      args: [token, bed.weth, 3000],
    });
    await mine(
      await w.writeContract({ address: pool, abi: poolAbi, functionName: 'initialize', args: [2n ** 96n] }),
    );
    if (token === v3Honeypot) {
      await mine(
        await w.writeContract({
          address: token,
          abi: honeypotAbi,
          functionName: 'allowSender',
          args: [pool],
        }),
      );
    }
    for (const asset of [token, bed.weth]) {
      await mine(
        await w.writeContract({
          address: asset,
          abi: erc20,
          functionName: 'approve',
          args: [minter, parseEther('1000')],
        }),
      );
    }
    await mine(
      await w.writeContract({
        address: minter,
        abi: minterAbi,
        functionName: 'mint',
        args: [pool, -887_220, 887_220, parseEther('5')],
      }),
    );
  }
});
after(async () => {
  await db?.close();
  await chain?.stop();
});

function engine() {
  const config = tokenConfig(chain, bed);
  config.token.dexes.push({
    chainId: chain.chainId,
    title: 'Uniswap v3',
    kind: 'v3',
    factory: v3Factory,
    fees: [500, 3000],
  });
  return engineFor(config, db);
}

test('a token with V2 and V3 pools lists both DEXes; the deeper V2 pool stays the main pool', async () => {
  const r = await engine().run(bed.tokens.clean?.address as string, {}, runContext());
  assert.deepEqual(r.token.dexTitles, ['Uniswap v2', 'Uniswap v3']);
  const v3 = r.details.pools.find((p) => p.kind === 'v3');
  assert.equal(v3?.fee, 3000);
  assert.equal(v3?.reserveQuote, '5');
  assert.equal(v3?.liquidityUsd, 10_000);
  assert.equal(r.details.liquidity.mainPool, r.details.pools.find((p) => p.kind === 'v2')?.address);
  assert.equal(r.details.liquidity.usd, 30_000);
});

test('a V3-only token: launched, priced, simulated directly against the pool: clean', async () => {
  const r = await engine().run(v3Only, {}, runContext());
  assert.deepEqual(r.token.dexTitles, ['Uniswap v3']);
  assert.equal(r.token.mainToken, 'WETH');
  assert.equal(r.unLaunched, false);
  assert.equal(r.details.lp, null);
  const sim = r.details.simulation;
  assert.ok(sim, `skipped: ${r.details.simulationSkipped}`);
  assert.equal(sim.venue, 'v3');
  assert.equal(sim.router, r.details.liquidity.mainPool);
  assert.equal(sim.buyTax, 0);
  assert.equal(sim.transferTax, 0);
  // The pool's 0.3% fee is in the quote, so an untaxed token sells at 0 tax.
  assert.equal(sim.sellTax, 0);
  assert.equal(sim.isHoneypot, false);
  assert.notEqual(r.factors.find((f) => f.id === 'honeypot')?.status, 'unknown');
});

test('a V3-only honeypot (only its pool may send): the buy works, the bought tokens cannot move', async () => {
  const r = await engine().run(v3Honeypot, {}, runContext());
  const sim = r.details.simulation;
  assert.ok(sim, `skipped: ${r.details.simulationSkipped}`);
  assert.equal(sim.venue, 'v3');
  assert.equal(sim.cannotBuy, false);
  assert.equal(sim.buyTax, 0);
  assert.equal(sim.transferBlocked, true);
  assert.equal(sim.isHoneypot, true);
  assert.match(sim.legs.transfer.revertReason ?? '', /sender not allowed/);
  assert.equal(r.band, 'high', `rating ${r.riskRating}`);
});
