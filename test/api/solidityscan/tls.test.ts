import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeCert, type TestCert } from '../../engines/host/certs.js';
import { BANK_ADDRESS } from '../../helpers/explorer-server.js';
import { type Harness, startHarness } from './harness.js';
import { TestClient } from './ws-client.js';

describe('SolidityScan WebSocket face over TLS (server.tls configured)', () => {
  let dir: string;
  let cert: TestCert;
  let h: Harness;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-wss-'));
    cert = await makeCert({ subject: 'CN=localhost' });
    writeFileSync(path.join(dir, 'cert.pem'), cert.certPem);
    writeFileSync(path.join(dir, 'key.pem'), cert.keyPem);
    h = await startHarness({
      config: {
        server: { tls: { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') } },
      },
    });
  });
  after(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers wss:// on the same paths and runs a scan', async () => {
    assert.match(h.wsUrl, /^wss:\/\//);
    const creds = await h.t.credentials(['reporter']);
    const client = await TestClient.connect(h.wsUrl, { ca: cert.certPem });
    try {
      client.sendMessage('auth_token_register', { auth_token: creds.bearer });
      assert.equal((await client.next()).payload.message, 'Auth token registered.');
      client.sendMessage('private_threat_scan_initiate', {
        contract_address: BANK_ADDRESS,
        contract_platform: 'etherscan',
        contract_chain: 'mainnet',
      });
      const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
      assert.equal((await client.final(ack.request_uuid)).payload.scan_status, 'scan_done');
    } finally {
      await client.close();
    }
  });

  it('refuses a client that does not trust the certificate', async () => {
    await assert.rejects(TestClient.connect(h.wsUrl), /self[- ]signed|certificate/i);
  });
});
