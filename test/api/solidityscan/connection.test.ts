import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { BANK_ADDRESS, PROXY_ADDRESS, TRIUMPH_ADDRESS } from '../../helpers/explorer-server.js';
import type { Creds } from '../../helpers/runtime.js';
import { type Harness, startHarness } from './harness.js';
import { TestClient } from './ws-client.js';

const body = (address: string, chain = 'mainnet') => ({
  contract_address: address,
  contract_platform: 'etherscan',
  contract_chain: chain,
});

async function registered(h: Harness, creds: Creds): Promise<TestClient> {
  const client = await TestClient.connect(h.wsUrl);
  client.sendMessage('auth_token_register', { auth_token: creds.bearer });
  assert.equal((await client.next()).payload.message, 'Auth token registered.');
  return client;
}

describe('SolidityScan WebSocket face: connections', () => {
  let h: Harness;
  let creds: Creds;
  before(async () => {
    h = await startHarness({ face: { heartbeatMs: 100, progressIntervalMs: 150 } });
    creds = await h.t.credentials(['reporter']);
  });
  after(() => h.close());

  it('runs several scans concurrently on one connection, each on its own request_uuid', async () => {
    const client = await registered(h, creds);
    try {
      client.sendMessage('private_threat_scan_initiate', body(TRIUMPH_ADDRESS));
      client.sendMessage('private_quick_scan_initiate', body(BANK_ADDRESS));
      client.sendMessage('private_threat_scan_initiate', body(PROXY_ADDRESS));
      const acks = [
        await client.next((e) => e.type === 'quick_scan_acknowledge'),
        await client.next((e) => e.type === 'quick_scan_acknowledge'),
        await client.next((e) => e.type === 'quick_scan_acknowledge'),
      ];
      assert.equal(new Set(acks.map((a) => a.request_uuid)).size, 3);
      assert.deepEqual(
        acks.map((a) => a.payload.contract_address),
        [TRIUMPH_ADDRESS, BANK_ADDRESS, PROXY_ADDRESS],
      );
      const finals = await Promise.all(acks.map((a) => client.final(a.request_uuid))).catch(
        async (err: Error) => {
          // Say where each job stands: the socket's view alone cannot tell a stuck job from a lost event.
          const jobs = await Promise.all(acks.map((a) => h.t.runtime.jobs.get(String(a.payload.scan_id))));
          err.message += ` | jobs: ${jobs.map((j) => `${j?.state}/${j?.progress}/${j?.step}/${j?.failureCode}`).join(', ')}`;
          throw err;
        },
      );
      const details = finals.map((f) => {
        assert.equal(f.payload.scan_status, 'scan_done', JSON.stringify(f.payload));
        return f.payload.scan_details as Record<string, unknown>;
      });
      assert.deepEqual(
        details.map((d) => [d.contract_address, d.contractname]),
        [
          [TRIUMPH_ADDRESS, 'TRIUMPH'],
          [BANK_ADDRESS, 'EtherBank'],
          [PROXY_ADDRESS, 'EtherBank'],
        ],
      );
      // The proxy is scanned through its implementation and says so.
      assert.equal(details[2]?.contract_implementation_address, BANK_ADDRESS);
      assert.equal(details[1]?.contract_implementation_address, '');
      // Every event of a scan carries that scan's uuid and id.
      for (const ack of acks) {
        for (const e of client.events.filter((x) => x.request_uuid === ack.request_uuid)) {
          if (e.type !== 'quick_scan_acknowledge') assert.equal(e.payload.scan_id, ack.payload.scan_id);
        }
      }
    } finally {
      await client.close();
    }
  });

  it('echoes a client-chosen request_uuid (Vigil extension)', async () => {
    const client = await registered(h, creds);
    try {
      const mine = 'a'.repeat(32);
      client.sendMessage('private_threat_scan_initiate', {
        ...body(BANK_ADDRESS, 'sepolia'),
        request_uuid: mine,
      });
      const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
      assert.equal(ack.request_uuid, mine);
      assert.equal((await client.final(mine)).payload.scan_status, 'scan_done');
    } finally {
      await client.close();
    }
  });

  it('keeps sending progress while a slow explorer holds the scan', async () => {
    const client = await registered(h, creds);
    h.explorer.setDelay(1_200);
    try {
      client.sendMessage('private_threat_scan_initiate', body(TRIUMPH_ADDRESS, 'sepolia'));
      const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
      const done = await client.final(ack.request_uuid);
      assert.equal(done.payload.scan_status, 'scan_done');
      // While the fetch was pending nothing changed, yet the timer kept the client informed.
      const waiting = client.events.filter(
        (e) => e.request_uuid === ack.request_uuid && e.payload.step === 'fetching source',
      );
      assert.ok(waiting.length >= 3, `progress events while fetching: ${waiting.length}`);
      for (const e of waiting) assert.equal(typeof e.payload.progress, 'number');
    } finally {
      h.explorer.setDelay(0);
      await client.close();
    }
  });

  it('lets a dropped client’s scan finish; the result stays at /v1/scans/{id}', async () => {
    const client = await registered(h, creds);
    h.explorer.setDelay(500);
    let scanId: string;
    try {
      client.sendMessage('private_threat_scan_initiate', body(PROXY_ADDRESS, 'sepolia'));
      const ack = await client.next((e) => e.type === 'quick_scan_acknowledge');
      scanId = String(ack.payload.scan_id);
      client.ws.terminate();
      const pending = await h.t.runtime.jobs.get(scanId);
      assert.ok(
        pending && !['done', 'failed'].includes(pending.state),
        'the client left before the scan finished',
      );
    } finally {
      h.explorer.setDelay(0);
    }
    const job = await h.t.runtime.jobs.waitFor(scanId, { timeoutMs: 60_000 });
    assert.equal(job.state, 'done');
    const res = await fetch(`${h.httpUrl}/v1/scans/${scanId}`, {
      headers: { authorization: `Bearer ${creds.bearer}` },
    });
    const scan = (await res.json()) as { state: string; result: { findings: unknown[] } };
    assert.equal(scan.state, 'done');
    assert.ok(scan.result.findings.length > 0);
  });

  it('answers an application-level ping with pong', async () => {
    const client = await TestClient.connect(h.wsUrl);
    try {
      client.sendMessage('ping', {});
      const pong = await client.next();
      assert.equal(pong.type, 'pong');
    } finally {
      await client.close();
    }
  });

  it('pings clients and drops those that stop answering', async () => {
    const healthy = await TestClient.connect(h.wsUrl);
    const silent = new WebSocket(h.wsUrl, { autoPong: false });
    let pings = 0;
    healthy.ws.on('ping', () => pings++);
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await new Promise((r) => silent.once('open', r));
    const code = await closed;
    assert.equal(code, 1006, 'terminated without a close frame');
    assert.ok(pings >= 1);
    assert.equal(healthy.ws.readyState, WebSocket.OPEN);
    await healthy.close();
  });

  it('serves /ws too and refuses other upgrade paths', async () => {
    const ok = await TestClient.connect(`${h.wsUrl}/ws`);
    await ok.close();
    const refused = new WebSocket(`${h.wsUrl}/elsewhere`);
    const status = await new Promise<number>((resolve) => {
      refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.once('error', () => resolve(-1));
    });
    assert.equal(status, 404);
  });
});

describe('SolidityScan WebSocket face: shutdown', () => {
  it('closes open sockets with 1001 when the server stops', async () => {
    const h = await startHarness();
    const client = await TestClient.connect(h.wsUrl);
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    await h.close();
    assert.equal(await closed, 1001);
  });
});
