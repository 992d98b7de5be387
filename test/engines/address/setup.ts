/**
 * Shared setup of the address tests: a real anvil, the fixture contracts compiled
 * with solc and deployed, a migrated in-memory SQLite store and a chain registry.
 */
import { type Abi, type Address, getAddress, type Hex } from 'viem';
import { type ChainRegistry, createChainRegistry } from '../../../src/chain/registry.js';
import type { ChainConfig } from '../../../src/core/config.js';
import { migrate } from '../../../src/core/db/migrate.js';
import { openSqlite } from '../../../src/core/db/sqlite.js';
import type { Db } from '../../../src/core/db/types.js';
import { ALL_MIGRATIONS } from '../../../src/engines/migrations.js';
import { type AnvilInstance, type AnvilWalletClient, startAnvil } from '../../helpers/anvil.js';
import { compileFiles } from '../../helpers/solc.js';

const DIR = 'test/fixtures/contracts/address';
export const FIXTURE_FILES = [
  'CleanToken.sol',
  'MintableToken.sol',
  'HiddenOwnerToken.sol',
  'BlacklistPauseToken.sol',
  'EoaAdminProxy.sol',
  'Destructible.sol',
  'Multicall3Lite.sol',
].map((f) => `${DIR}/${f}`);

export interface Deployed {
  clean: Address;
  mintable: Address;
  hiddenOwner: Address;
  blacklistPause: Address;
  counterImpl: Address;
  eoaAdminProxy: Address;
  minimalProxy: Address;
  destructible: Address;
  multicall3: Address;
}

export interface AddressFixture {
  anvil: AnvilInstance;
  db: Db;
  deployer: AnvilWalletClient;
  /** The EOA in the proxy's admin slot. */
  proxyAdmin: Address;
  /** An EOA that never sent a transaction. */
  freshEoa: Address;
  deployed: Deployed;
  chainConfig(extra?: Partial<ChainConfig>): ChainConfig;
  registry(extra?: Partial<ChainConfig>): ChainRegistry;
  close(): Promise<void>;
}

async function deploy(
  anvil: AnvilInstance,
  wallet: AnvilWalletClient,
  abi: Abi,
  bytecode: Hex,
  args: unknown[] = [],
): Promise<Address> {
  const hash = await wallet.deployContract({ abi, bytecode, args } as never);
  const receipt = await anvil.publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error('deployment produced no contract');
  return getAddress(receipt.contractAddress);
}

/** EIP-1167 creation code for a clone of `target`. */
export function minimalProxyCreationCode(target: Address): Hex {
  return `0x3d602d80600a3d3981f3363d3d373d3d3d363d73${target.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`;
}

export async function setupAddressFixture(): Promise<AddressFixture> {
  const out = compileFiles(FIXTURE_FILES);
  const anvil = await startAnvil();
  const deployer = anvil.walletClients[0] as AnvilWalletClient;
  const proxyAdmin = anvil.accounts[3]?.address as Address;
  const freshEoa = anvil.accounts[5]?.address as Address;
  const c = (name: string) => out.contract(name);
  const clean = await deploy(anvil, deployer, c('CleanToken').abi, c('CleanToken').bytecode);
  const mintable = await deploy(anvil, deployer, c('MintableToken').abi, c('MintableToken').bytecode);
  const hiddenOwner = await deploy(
    anvil,
    deployer,
    c('HiddenOwnerToken').abi,
    c('HiddenOwnerToken').bytecode,
  );
  const blacklistPause = await deploy(
    anvil,
    deployer,
    c('BlacklistPauseToken').abi,
    c('BlacklistPauseToken').bytecode,
  );
  const counterImpl = await deploy(anvil, deployer, c('CounterV1').abi, c('CounterV1').bytecode);
  const eoaAdminProxy = await deploy(anvil, deployer, c('EoaAdminProxy').abi, c('EoaAdminProxy').bytecode, [
    counterImpl,
    proxyAdmin,
  ]);
  const destructible = await deploy(anvil, deployer, c('Destructible').abi, c('Destructible').bytecode);
  const multicall3 = await deploy(anvil, deployer, c('Multicall3Lite').abi, c('Multicall3Lite').bytecode);
  const cloneHash = await deployer.sendTransaction({ data: minimalProxyCreationCode(clean) });
  const cloneReceipt = await anvil.publicClient.waitForTransactionReceipt({ hash: cloneHash });
  const minimalProxy = getAddress(cloneReceipt.contractAddress as Address);

  const db = openSqlite(':memory:');
  await migrate(db, ALL_MIGRATIONS);
  const chainConfig = (extra: Partial<ChainConfig> = {}): ChainConfig => ({
    id: anvil.chainId,
    name: 'anvil',
    rpcUrls: [anvil.rpcUrl],
    nativeSymbol: 'ETH',
    ...extra,
  });
  return {
    anvil,
    db,
    deployer,
    proxyAdmin,
    freshEoa,
    deployed: {
      clean,
      mintable,
      hiddenOwner,
      blacklistPause,
      counterImpl,
      eoaAdminProxy,
      minimalProxy,
      destructible,
      multicall3,
    },
    chainConfig,
    registry: (extra) => createChainRegistry([chainConfig(extra)], { retryCount: 0 }),
    async close() {
      await db.close();
      await anvil.stop();
    },
  };
}
