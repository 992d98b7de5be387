/**
 * The local DEX test bed: WETH9, UniswapV2Factory and UniswapV2Router02 deployed from the build
 * artifacts shipped in @uniswap/v2-core and @uniswap/v2-periphery (the Pair's bytecode hashes to the
 * init-code hash Router02 embeds, so nothing is patched), plus Vigil's fixture tokens from
 * test/fixtures/contracts/token, each launched the way its scam (or its honesty) needs.
 */
import { createRequire } from 'node:module';
import { type Abi, type Address, getAddress, type Hex, maxUint256, parseEther } from 'viem';
import type { AnvilInstance, AnvilWalletClient } from '../../helpers/anvil.js';
import { compileFiles } from '../../helpers/solc.js';

const require = createRequire(import.meta.url);
const DEAD: Address = '0x000000000000000000000000000000000000dEaD';

interface BuildJson {
  abi: Abi;
  bytecode: string;
}

function uniswapBuild(path: string): { abi: Abi; bytecode: Hex } {
  const json = require(`@uniswap/${path}`) as BuildJson;
  return { abi: json.abi, bytecode: `0x${json.bytecode.replace(/^0x/, '')}` as Hex };
}

export const FIXTURE_DIR = 'test/fixtures/contracts/token';
const FIXTURE_FILES = [
  'CleanToken.sol',
  'HoneypotToken.sol',
  'TaxToken.sol',
  'MintableToken.sol',
  'LaunchGateToken.sol',
  'SimpleLocker.sol',
].map((f) => `${FIXTURE_DIR}/${f}`);

export type Band = 'low' | 'medium' | 'high';

export interface FixtureToken {
  key: string;
  address: Address;
  symbol: string;
  expectedBand: Band;
  /** Coded taxes in percent (fee-on-transfer fixtures only). */
  coded?: { buy: number; sell: number; transfer: number };
}

export interface TestBed {
  weth: Address;
  factory: Address;
  router: Address;
  locker: Address;
  usd: Address;
  deployer: Address;
  tokens: Record<string, FixtureToken>;
  /** Block at which the bed was complete. */
  blockNumber: bigint;
}

const pairAbi = [
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ type: 'address' }],
    outputs: [{ type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'transfer',
    stateMutability: 'nonpayable',
    inputs: [{ type: 'address' }, { type: 'uint256' }],
    outputs: [{ type: 'bool' }],
  },
  {
    type: 'function',
    name: 'approve',
    stateMutability: 'nonpayable',
    inputs: [{ type: 'address' }, { type: 'uint256' }],
    outputs: [{ type: 'bool' }],
  },
] as const satisfies Abi;
const factoryReadAbi = [
  {
    type: 'function',
    name: 'getPair',
    stateMutability: 'view',
    inputs: [{ type: 'address' }, { type: 'address' }],
    outputs: [{ type: 'address' }],
  },
] as const satisfies Abi;

export async function deployTestBed(chain: AnvilInstance): Promise<TestBed> {
  const pub = chain.publicClient;
  const [w0, ...others] = chain.walletClients as [AnvilWalletClient, ...AnvilWalletClient[]];
  const deployer = w0.account.address;
  const holders = others.slice(0, 8).map((w) => w.account.address);
  const whale = chain.walletClients[9]?.account.address;
  if (!whale) throw new Error('the test bed needs 10 anvil accounts');

  const mine = async (hash: Hex): Promise<void> => {
    const receipt = await pub.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  };
  const deploy = async (abi: Abi, bytecode: Hex, args: unknown[] = []): Promise<Address> => {
    const hash = await w0.deployContract({ abi, bytecode, args });
    const receipt = await pub.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error('deployment failed');
    return getAddress(receipt.contractAddress);
  };
  const send = async (address: Address, abi: Abi, functionName: string, args: unknown[], value?: bigint) =>
    mine(
      await w0.writeContract({
        address,
        abi,
        functionName,
        args,
        value,
        chain: w0.chain,
        account: w0.account,
      }),
    );

  const wethBuild = uniswapBuild('v2-periphery/build/WETH9.json');
  const factoryBuild = uniswapBuild('v2-core/build/UniswapV2Factory.json');
  const routerBuild = uniswapBuild('v2-periphery/build/UniswapV2Router02.json');
  const weth = await deploy(wethBuild.abi, wethBuild.bytecode);
  const factory = await deploy(factoryBuild.abi, factoryBuild.bytecode, [deployer]);
  const router = await deploy(routerBuild.abi, routerBuild.bytecode, [factory, weth]);

  const compiled = compileFiles(FIXTURE_FILES);
  const clean = compiled.contract('CleanToken');
  const honeypot = compiled.contract('HoneypotToken');
  const tax = compiled.contract('TaxToken');
  const mintable = compiled.contract('MintableToken');
  const gate = compiled.contract('LaunchGateToken');
  const lockerC = compiled.contract('SimpleLocker');
  const locker = await deploy(lockerC.abi, lockerC.bytecode);

  const supply = parseEther('1000000');
  const addLiquidity = async (token: Address, abi: Abi, tokens: bigint, eth: bigint) => {
    await send(token, abi, 'approve', [router, maxUint256]);
    await send(router, routerBuild.abi, 'addLiquidityETH', [token, tokens, 0n, 0n, deployer, 2n ** 40n], eth);
  };
  const pairOf = (token: Address) =>
    pub.readContract({ address: factory, abi: factoryReadAbi, functionName: 'getPair', args: [token, weth] });
  const lpTo = async (token: Address, to: Address) => {
    const pair = await pairOf(token);
    const lp = await pub.readContract({
      address: pair,
      abi: pairAbi,
      functionName: 'balanceOf',
      args: [deployer],
    });
    await send(pair, pairAbi, 'transfer', [to, lp]);
  };
  /** 40% to eight wallets (5% each); the deployer keeps what is not in the pool. */
  const distribute = async (token: Address, abi: Abi) => {
    for (const h of holders) await send(token, abi, 'transfer', [h, supply / 20n]);
  };
  const launch = async (
    name: string,
    symbol: string,
    c: { abi: Abi; bytecode: Hex },
    args: unknown[],
    opts: { lp?: 'burn' | 'keep' | 'lock' | 'none'; whale?: boolean; eth?: bigint } = {},
  ): Promise<Address> => {
    const token = await deploy(c.abi, c.bytecode, [name, symbol, supply, ...args]);
    if (opts.lp !== 'none') {
      await addLiquidity(token, c.abi, opts.whale ? supply / 25n : supply / 2n, opts.eth ?? parseEther('10'));
    }
    if (opts.whale) await send(token, c.abi, 'transfer', [whale, (supply * 95n) / 100n]);
    else await distribute(token, c.abi);
    // Unlisted: what would have gone to the pool is burned, so only the missing pool stands out.
    if (opts.lp === 'none') await send(token, c.abi, 'transfer', [DEAD, supply / 2n]);
    if (opts.lp === 'burn' || opts.lp === undefined) await lpTo(token, DEAD);
    if (opts.lp === 'lock') {
      const pair = await pairOf(token);
      const lp = await pub.readContract({
        address: pair,
        abi: pairAbi,
        functionName: 'balanceOf',
        args: [deployer],
      });
      await send(pair, pairAbi, 'approve', [locker, lp]);
      await send(locker, lockerC.abi, 'lock', [pair, lp, 2n ** 40n]);
    }
    return token;
  };

  // A dollar stable and a WETH/USD pool (1 ETH = 2000 USD) so liquidity can be priced in USD.
  const usd = await deploy(clean.abi, clean.bytecode, ['Test Dollar', 'TUSD', parseEther('100000000')]);
  await addLiquidity(usd, clean.abi, parseEther('2000000'), parseEther('1000'));

  const dex = [factory, weth];
  const tokens: Record<string, FixtureToken> = {};
  const add = (
    key: string,
    address: Address,
    symbol: string,
    expectedBand: Band,
    coded?: FixtureToken['coded'],
  ) => {
    tokens[key] = { key, address, symbol, expectedBand, ...(coded ? { coded } : {}) };
  };
  add('clean', await launch('Clean Token', 'CLEAN', clean, []), 'CLEAN', 'low');
  add('locked', await launch('Locked Token', 'LOCKD', clean, [], { lp: 'lock' }), 'LOCKD', 'low');
  add('honeypot', await launch('Honey Pot', 'HONEY', honeypot, dex), 'HONEY', 'high');
  add('sellTax99', await launch('Greedy Tax', 'GREED', tax, [...dex, 300n, 9_900n, 0n]), 'GREED', 'high', {
    buy: 3,
    sell: 99,
    transfer: 0,
  });
  add('moderateTax', await launch('Fee Token', 'FEE', tax, [...dex, 500n, 1_000n, 200n]), 'FEE', 'medium', {
    buy: 5,
    sell: 10,
    transfer: 2,
  });
  add('mintable', await launch('Printer Token', 'PRINT', mintable, []), 'PRINT', 'medium');
  add('unlockedLp', await launch('Rug Ready', 'RUGR', clean, [], { lp: 'keep' }), 'RUGR', 'medium');
  add('tradingDisabled', await launch('Soon Token', 'SOON', gate, dex), 'SOON', 'medium');
  add('whale', await launch('Whale Token', 'WHALE', clean, [], { whale: true }), 'WHALE', 'high');
  // Same name and symbol as `clean`, a tenth of its liquidity: resolving "CLEAN" must pick `clean`.
  add('cleanTwin', await launch('Clean Token', 'CLEAN', clean, [], { eth: parseEther('1') }), 'CLEAN', 'low');
  add('unlisted', await launch('Fresh Token', 'FRESH', clean, [], { lp: 'none' }), 'FRESH', 'medium');

  return { weth, factory, router, locker, usd, deployer, tokens, blockNumber: await pub.getBlockNumber() };
}
