import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BANK_ADDRESS, FLATTENED_ADDRESS, UNVERIFIED_ADDRESS } from '../../helpers/explorer-server.js';
import type { Creds } from '../../helpers/runtime.js';
import { type Harness, startHarness, TIMESTAMP, UUID32 } from './harness.js';
import { type ServerEvent, TestClient } from './ws-client.js';

function assertError(e: ServerEvent, code: string): void {
  assert.equal(e.type, 'error', JSON.stringify(e));
  assert.deepEqual(Object.keys(e).sort(), ['event_timestamp', 'payload', 'request_uuid', 'type']);
  assert.match(e.request_uuid, UUID32);
  assert.match(e.event_timestamp, TIMESTAMP);
  assert.equal(e.payload.error_code, code, JSON.stringify(e.payload));
  assert.equal(typeof e.payload.error_message, 'string');
  assert.ok(String(e.payload.error_message).length > 0);
  const nested = e.payload.payload as { error_message: { message: string; code: string } };
  assert.equal(nested.error_message.message, e.payload.error_message);
  assert.equal(nested.error_message.code, code);
}

const initiate = (address: string, platform = 'etherscan', chain = 'mainnet') => ({
  contract_address: address,
  contract_platform: platform,
  contract_chain: chain,
});

describe('SolidityScan WebSocket face: failures keep the socket usable', () => {
  let h: Harness;
  let reporter: Creds;
  let client: TestClient;
  before(async () => {
    h = await startHarness();
    reporter = await h.t.credentials(['reporter']);
    client = await TestClient.connect(`${h.wsUrl}/ws`);
  });
  after(async () => {
    await client.close();
    await h.close();
  });

  it('malformed JSON → MALFORMED_JSON', async () => {
    client.send('{"action": "message", "payload": ');
    assertError(await client.next(), 'MALFORMED_JSON');
  });

  it('a message without the envelope → VALIDATION_FAILED', async () => {
    client.send({ type: 'auth_token_register', auth_token: 'x' });
    assertError(await client.next(), 'VALIDATION_FAILED');
  });

  it('an unknown type → UNKNOWN_MESSAGE_TYPE', async () => {
    client.sendMessage('private_mega_scan', {});
    const e = await client.next();
    assertError(e, 'UNKNOWN_MESSAGE_TYPE');
    assert.match(String(e.payload.error_message), /private_mega_scan/);
  });

  it('a scan before registering → AUTH_MISSING', async () => {
    client.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS));
    assertError(await client.next(), 'AUTH_MISSING');
  });

  it('registering without a token → VALIDATION_FAILED', async () => {
    client.sendMessage('auth_token_register', {});
    assertError(await client.next(), 'VALIDATION_FAILED');
  });

  it('a bad token → AUTH_INVALID and no scan rights', async () => {
    client.sendMessage('auth_token_register', { auth_token: 'vt_not-a-real-token' });
    assertError(await client.next(), 'AUTH_INVALID');
    client.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS));
    assertError(await client.next(), 'AUTH_MISSING');
  });

  it('a token without the reporter role → FORBIDDEN_ROLE', async () => {
    const viewer = await h.t.credentials(['viewer']);
    client.sendMessage('auth_token_register', { auth_token: viewer.bearer });
    assertError(await client.next(), 'FORBIDDEN_ROLE');
  });

  it('a valid registration after failures works', async () => {
    client.sendMessage('auth_token_register', { auth_token: reporter.bearer });
    const ack = await client.next();
    assert.equal(ack.type, 'auth_token_register');
    assert.equal(ack.payload.message, 'Auth token registered.');
  });

  it('a malformed address → VALIDATION_FAILED naming the field', async () => {
    client.sendMessage('private_threat_scan_initiate', initiate('0x1234'));
    const e = await client.next();
    assertError(e, 'VALIDATION_FAILED');
    assert.match(String(e.payload.error_message), /contract_address/);
  });

  it('an unknown platform or chain → UNSUPPORTED_CHAIN (download_failed)', async () => {
    client.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS, 'nosuchscan'));
    const e = await client.next();
    assertError(e, 'UNSUPPORTED_CHAIN');
    assert.equal(e.payload.scan_status, 'download_failed');
    client.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS, 'etherscan', 'goerli'));
    assertError(await client.next(), 'UNSUPPORTED_CHAIN');
  });

  async function failedScan(
    body: Record<string, string>,
  ): Promise<{ status: ServerEvent; error: ServerEvent }> {
    client.sendMessage('private_threat_scan_initiate', body);
    const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
    const status = await client.next(
      (e) =>
        e.request_uuid === ack.request_uuid &&
        e.type === 'quick_scan_status' &&
        e.payload.scan_status !== 'in_progress' &&
        e.payload.scan_status !== 'scan_queued',
    );
    const error = await client.next((e) => e.request_uuid === ack.request_uuid && e.type === 'error');
    assert.equal(status.payload.scan_id, ack.payload.scan_id);
    assert.equal(error.payload.scan_id, ack.payload.scan_id);
    return { status, error };
  }

  it('an unverified contract → download_failed + CONTRACT_NOT_VERIFIED', async () => {
    const { status, error } = await failedScan(initiate(UNVERIFIED_ADDRESS));
    assert.equal(status.payload.scan_status, 'download_failed');
    assert.equal(status.payload.error_code, 'CONTRACT_NOT_VERIFIED');
    assert.match(String(status.payload.scan_status_err_message), /not verified/);
    assertError(error, 'CONTRACT_NOT_VERIFIED');
  });

  it('an unreachable explorer → download_failed + UPSTREAM_UNAVAILABLE', async () => {
    // Sourcify answers "not found" for this one; the dead explorer is the actionable failure.
    const { status, error } = await failedScan(initiate(FLATTENED_ADDRESS, 'deadscan'));
    assert.equal(status.payload.scan_status, 'download_failed');
    assertError(error, 'UPSTREAM_UNAVAILABLE');
    assert.match(String(error.payload.error_message), /unreachable/);
  });

  it('a scan that fails while running (cancelled through /v1/scans) → scan_failed', async () => {
    h.explorer.setDelay(2_000);
    try {
      client.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS, 'etherscan', 'sepolia'));
      const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
      await client.next(
        (e) => e.request_uuid === ack.request_uuid && e.payload.scan_status === 'in_progress',
      );
      const res = await fetch(`${h.httpUrl}/v1/scans/${String(ack.payload.scan_id)}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reporter.bearer}` },
      });
      assert.equal(res.status, 200);
      const status = await client.next(
        (e) => e.request_uuid === ack.request_uuid && e.payload.scan_status === 'scan_failed',
      );
      assert.equal(status.payload.error_code, 'CANCELLED');
      assertError(
        await client.next((e) => e.request_uuid === ack.request_uuid && e.type === 'error'),
        'CANCELLED',
      );
    } finally {
      h.explorer.setDelay(0);
    }
  });

  it('a revoked app loses scan rights on its next request', async () => {
    const doomed = await h.t.credentials(['reporter']);
    const other = await TestClient.connect(h.wsUrl);
    try {
      other.sendMessage('auth_token_register', { auth_token: doomed.bearer });
      assert.equal((await other.next()).type, 'auth_token_register');
      await h.t.runtime.auth.revokeApp(doomed.name);
      other.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS));
      assertError(await other.next(), 'AUTH_REVOKED');
      other.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS));
      assertError(await other.next(), 'AUTH_MISSING');
    } finally {
      await other.close();
    }
  });

  it('after all that, the same socket still scans', async () => {
    client.sendMessage('private_threat_scan_initiate', initiate(BANK_ADDRESS));
    const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
    const done = await client.final(ack.request_uuid);
    assert.equal(done.payload.scan_status, 'scan_done', JSON.stringify(done.payload));
    const details = done.payload.scan_details as { contractname: string; licensetype: string };
    assert.equal(details.contractname, 'EtherBank');
    assert.equal(details.licensetype, 'GPL-3.0');
  });
});
