// Smoke test of the shared test helpers: a real anvil plus a solc-compiled OpenZeppelin contract.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AnvilInstance, startAnvil } from '../helpers/anvil.js';
import { compileSources } from '../helpers/solc.js';

let chain: AnvilInstance;
before(async () => {
  chain = await startAnvil();
});
after(async () => {
  await chain.stop();
});

test('anvil answers and funds the dev accounts', async () => {
  assert.equal(await chain.publicClient.getChainId(), 31337);
  assert.match(chain.rpcUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  const balance = await chain.publicClient.getBalance({ address: chain.accounts[0]!.address });
  assert.ok(balance > 0n);
  assert.equal(chain.walletClients.length, 10);
});

test('solc compiles an OpenZeppelin import, caches it, and the contract deploys', async () => {
  const sources = {
    'Smoke.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract Smoke is ERC20 { constructor() ERC20("Smoke", "SMK") { _mint(msg.sender, 1e18); } }`,
  };
  const first = compileSources(sources);
  const second = compileSources(sources);
  assert.equal(second.fromCache, true);
  const smoke = first.contract('Smoke');
  assert.ok(smoke.deployedBytecode.length > 100);
  const hash = await chain.walletClient.deployContract({ abi: smoke.abi, bytecode: smoke.bytecode });
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
  assert.ok(receipt.contractAddress);
  const supply = await chain.publicClient.readContract({
    address: receipt.contractAddress,
    abi: smoke.abi,
    functionName: 'totalSupply',
  });
  assert.equal(supply, 10n ** 18n);
});
