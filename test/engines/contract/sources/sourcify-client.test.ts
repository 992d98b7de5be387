import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../../../../src/core/config.js';
import { VigilError } from '../../../../src/core/errors.js';
import { createSourcifyProvider } from '../../../../src/engines/contract/sources/sourcify-client.js';
import {
  BANK_ADDRESS,
  type ExplorerServer,
  SOURCIFY_ONLY_ADDRESS,
  SOURCIFY_PARTIAL_ADDRESS,
  SOURCIFY_PROXY_ADDRESS,
  startExplorerServer,
  TRIUMPH_ADDRESS,
  UNVERIFIED_ADDRESS,
} from '../../../helpers/explorer-server.js';

const ref = (address: string) => ({ platform: 'etherscan', chain: 'mainnet', address });

for (const api of ['v2', 'v1'] as const) {
  describe(`Sourcify client against a ${api} server`, () => {
    let server: ExplorerServer;
    before(async () => {
      server = await startExplorerServer({ sourcifyApi: api });
    });
    after(() => server.close());
    const provider = () =>
      createSourcifyProvider({
        url: server.sourcifyUrl,
        config: parseConfig({ platforms: server.platformsConfig({ etherscan: { mainnet: 1 } }) }),
        maxRetries: 0,
      });

    it('reads a full match with its compiler settings', async () => {
      const { bundle, meta } = await provider().fetch(ref(TRIUMPH_ADDRESS));
      assert.equal(meta.provider, 'sourcify');
      assert.equal(meta.match, 'full');
      assert.equal(meta.contractName, 'TRIUMPH');
      assert.equal(meta.compilerVersion, 'v0.8.23+commit.f704f362');
      assert.equal(meta.licenseType, 'MIT');
      assert.equal(bundle.entry, 'contracts/TRIUMPH.sol');
      assert.ok(bundle.files['@openzeppelin/contracts/access/Ownable.sol']);
      assert.equal(bundle.files['contracts/FeeMath.sol']?.includes('library FeeMath'), true);
      assert.ok(!Object.keys(bundle.files).some((p) => p.endsWith('metadata.json')));
      assert.ok(server.requests.some((r) => r.path.endsWith(`/1/${TRIUMPH_ADDRESS}`)));
    });

    it('accepts a partial match and says so', async () => {
      const { meta } = await provider().fetch(ref(SOURCIFY_PARTIAL_ADDRESS));
      assert.equal(meta.match, 'partial');
      assert.equal(meta.contractName, 'TRIUMPH');
    });

    it('reads a single-file contract and takes the licence from its SPDX line', async () => {
      const { bundle, meta } = await provider().fetch(ref(SOURCIFY_ONLY_ADDRESS));
      assert.deepEqual(Object.keys(bundle.files), ['EtherBank.sol']);
      assert.equal(meta.licenseType, 'GPL-3.0');
      assert.equal(meta.layout, 'single');
    });

    it(
      api === 'v2' ? 'follows a proxy to its implementation' : 'keeps the proxy source (v1 reports no proxy)',
      async () => {
        const { bundle, meta } = await provider().fetch(ref(SOURCIFY_PROXY_ADDRESS));
        assert.equal(meta.address, SOURCIFY_PROXY_ADDRESS);
        if (api === 'v2') {
          assert.equal(meta.implementationAddress, BANK_ADDRESS);
          assert.equal(meta.sourceAddress, BANK_ADDRESS);
          assert.deepEqual(Object.keys(bundle.files), ['EtherBank.sol']);
        } else {
          assert.equal(meta.implementationAddress, null);
          assert.deepEqual(Object.keys(bundle.files), ['BankProxy.sol']);
        }
      },
    );

    it('reports an unknown contract as CONTRACT_NOT_VERIFIED', async () => {
      await assert.rejects(provider().fetch(ref(UNVERIFIED_ADDRESS)), (err: unknown) => {
        assert.ok(err instanceof VigilError);
        assert.equal(err.code, 'CONTRACT_NOT_VERIFIED');
        return true;
      });
    });
  });
}

describe('Sourcify client configuration', () => {
  it('needs a chain id for the platform/chain', async () => {
    const provider = createSourcifyProvider({
      url: 'http://127.0.0.1:9/sourcify',
      config: parseConfig({ platforms: { etherscan: { mainnet: { apiUrl: 'http://127.0.0.1:9/api' } } } }),
    });
    await assert.rejects(provider.fetch(ref(BANK_ADDRESS)), { code: 'UNSUPPORTED_CHAIN' });
  });
});
