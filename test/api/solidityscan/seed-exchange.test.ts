import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TRIUMPH_ADDRESS } from '../../helpers/explorer-server.js';
import type { Creds } from '../../helpers/runtime.js';
import { assertSameShape, type Harness, startHarness, TIMESTAMP, UUID32 } from './harness.js';
import { type ServerEvent, TestClient } from './ws-client.js';

const seed = JSON.parse(
  readFileSync(new URL('./fixtures/seed-000-exchange.json', import.meta.url), 'utf8'),
) as {
  register: { payload: { body: { auth_token: string } } };
  registerAck: Record<string, unknown>;
  initiate: unknown;
  response: { payload: { scan_details: Record<string, unknown> } };
};

function assertEnvelope(e: ServerEvent, type: string): void {
  assert.deepEqual(Object.keys(e).sort(), ['event_timestamp', 'payload', 'request_uuid', 'type']);
  assert.equal(e.type, type);
  assert.match(e.request_uuid, UUID32);
  assert.match(e.event_timestamp, TIMESTAMP);
}

interface Finding {
  detector: string;
  fingerprint: string;
  file: string;
  startLine: number;
  endLine: number;
  snippet: string;
  severity: string;
}

describe('SolidityScan WebSocket face: the seed 000 exchange', () => {
  let h: Harness;
  let creds: Creds;
  before(async () => {
    h = await startHarness({ config: { jobs: { dedupeWindowMs: 0 } } });
    creds = await h.t.credentials(['reporter']);
  });
  after(() => h.close());

  let done: ServerEvent;

  it('reproduces register → ack → initiate → acknowledge → progress → scan_done', async () => {
    const client = await TestClient.connect(h.wsUrl);
    try {
      // 1. auth_token_register, exactly the seed's envelope with a real token.
      const register = structuredClone(seed.register);
      register.payload.body.auth_token = creds.bearer;
      client.send(register);
      const ack = await client.next();
      assertEnvelope(ack, 'auth_token_register');
      assert.deepEqual(ack.payload, { message: 'Auth token registered.' });
      assertSameShape(seed.registerAck, ack);

      // 2. private_threat_scan_initiate, exactly the seed's message.
      const started = performance.now();
      client.send(seed.initiate);
      const acknowledge = await client.next();
      assertEnvelope(acknowledge, 'quick_scan_acknowledge');
      const uuid = acknowledge.request_uuid;
      assert.notEqual(uuid, ack.request_uuid);
      assert.equal(typeof acknowledge.payload.scan_id, 'string');
      assert.match(String(acknowledge.payload.project_id), UUID32);

      // 3. quick_scan_status events until scan_done, all carrying the request's uuid.
      done = await client.final(uuid);
      const elapsed = performance.now() - started;
      assertEnvelope(done, 'quick_scan_status');
      assert.equal(done.payload.scan_status, 'scan_done', JSON.stringify(done.payload));
      const statuses = client.events.filter((e) => e.type === 'quick_scan_status');
      for (const e of statuses) {
        assertEnvelope(e, 'quick_scan_status');
        assert.equal(e.request_uuid, uuid);
        assert.equal(e.payload.scan_id, acknowledge.payload.scan_id);
        if (e !== done) {
          assert.ok(['scan_queued', 'in_progress'].includes(String(e.payload.scan_status)));
          assert.equal(typeof e.payload.progress, 'number');
        }
      }
      assert.equal(done.payload.scan_id, acknowledge.payload.scan_id);
      assert.equal(done.payload.project_id, acknowledge.payload.project_id);

      // 4. The final event has every field of the seed with the same JSON types.
      assertSameShape(seed.response, done);
      const details = done.payload.scan_details as Record<string, unknown>;
      assert.equal(details.contract_address, TRIUMPH_ADDRESS);
      assert.equal(details.contract_platform, 'etherscan');
      assert.equal(details.contract_chain, 'mainnet');
      assert.equal(details.contractname, 'TRIUMPH');
      assert.equal(details.compilerversion, 'v0.8.23+commit.f704f362');
      assert.equal(details.licensetype, 'MIT');
      assert.equal(details.evmversion, 'Default');
      assert.equal(details.currency, 'ETH');
      assert.equal(details.contract_implementation_address, '');
      assert.equal(details.contract_url, `${h.explorer.url}/etherscan/mainnet/address/${TRIUMPH_ADDRESS}`);
      assert.equal(details.is_quick_scan, true);
      assert.equal(details.multi_file_scan_status, 'scan_done');
      assert.equal(details.client_credit_system, 'loc');
      assert.equal(details.scan_type, 'block');
      console.log(`# initiate → scan_done for TRIUMPH (~1,000 lines, multi-file): ${elapsed.toFixed(0)} ms`);
    } finally {
      await client.close();
    }
  });

  it('reports a summary and per-detector details the way official clients read them', () => {
    const details = done.payload.scan_details as Record<string, unknown>;
    const summary = details.multi_file_scan_summary as Record<string, unknown>;
    for (const k of ['score', 'score_v2', 'threat_score'])
      assert.match(String(summary[k]), /^\d+\.\d{2}$/, k);
    assert.equal(typeof summary.score, 'string');
    assert.ok(Number(summary.score) <= 5);
    assert.ok(Number(summary.score_v2) <= 100 && Number(summary.threat_score) <= 100);
    for (const k of ['issues_count', 'count_files_analyzed', 'lines_analyzed_count', 'scan_time_taken']) {
      assert.ok(Number.isInteger(summary[k]), k);
    }
    assert.ok(Number(summary.lines_analyzed_count) >= 900, `lines analyzed: ${summary.lines_analyzed_count}`);
    assert.ok(Number(summary.count_files_analyzed) >= 9);
    assert.ok(Array.isArray(summary.scans_ran) && summary.scans_ran.length > 10);
    const dist = summary.issue_severity_distribution as Record<string, number>;
    assert.deepEqual(Object.keys(dist).sort(), ['critical', 'gas', 'high', 'informational', 'low', 'medium']);
    const total = Object.values(dist).reduce((a, b) => a + b, 0);
    assert.equal(total, summary.issues_count);
    assert.ok(total > 0);

    const entries = details.multi_file_scan_details as Record<string, unknown>[];
    assert.ok(Array.isArray(entries) && entries.length > 0);
    let counted = 0;
    for (const entry of entries) {
      assert.match(String(entry.issue_id), /^[A-Z0-9_]+$/);
      assert.equal(typeof entry.no_of_findings, 'string');
      const template = entry.template_details as Record<string, unknown>;
      assert.equal(template.issue_id, entry.issue_id);
      for (const k of [
        'issue_name',
        'issue_severity',
        'issue_confidence',
        'issue_description',
        'issue_remediation',
        'static_issue_description',
      ]) {
        assert.equal(typeof template[k], 'string', k);
      }
      assert.match(String(template.issue_confidence), /^[0-2]$/);
      const metrics = entry.metric_wise_aggregated_findings as Record<string, unknown>[];
      assert.equal(String(metrics.length), entry.no_of_findings);
      counted += metrics.length;
      for (const m of metrics) {
        assert.match(String(m.bug_hash), /^[0-9a-f]+$/i);
        assert.equal(m.bug_status, 'pending');
        for (const loc of m.findings as Record<string, unknown>[]) {
          assert.ok(String(loc.file_path).startsWith('/'));
          assert.ok(Array.isArray(loc.line_nos_start) && Array.isArray(loc.line_nos_end));
          assert.ok((loc.line_nos_start as number[]).every(Number.isInteger));
          assert.equal(typeof loc.snippet, 'string');
          assert.ok(String(loc.snippet).length > 0);
        }
      }
    }
    assert.equal(counted, summary.issues_count);
    // The flaws planted in the fixture are found where they are.
    const byId = new Map(entries.map((e) => [String(e.issue_id), e]));
    const where = (id: string) =>
      (
        (byId.get(id)?.metric_wise_aggregated_findings ?? []) as { findings: { file_path: string }[] }[]
      ).flatMap((m) => m.findings.map((f) => f.file_path));
    assert.ok(where('TX_ORIGIN_AUTH').includes('/contracts/TRIUMPH.sol'), 'tx.origin in rescueETH');
    assert.ok(where('REENTRANCY_ETH').includes('/contracts/TriumphVault.sol'), 'reentrancy in claimRewards');
  });

  it('returns the same findings through /v1/scans as through the WebSocket', async () => {
    const details = done.payload.scan_details as Record<string, unknown>;
    const wsHashes = (
      details.multi_file_scan_details as { metric_wise_aggregated_findings: { bug_hash: string }[] }[]
    )
      .flatMap((e) => e.metric_wise_aggregated_findings.map((m) => m.bug_hash))
      .sort();

    const auth = { authorization: `Bearer ${creds.bearer}`, 'content-type': 'application/json' };
    const created = await fetch(`${h.httpUrl}/v1/scans`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'contract', target: `etherscan/mainnet/${TRIUMPH_ADDRESS}` }),
    });
    assert.equal(created.status, 202);
    const job = (await created.json()) as { id: string };
    assert.notEqual(job.id, done.payload.scan_id, 'a separate job, not a dedupe hit');
    await h.t.runtime.jobs.waitFor(job.id, { timeoutMs: 60_000 });
    const rest = (await (await fetch(`${h.httpUrl}/v1/scans/${job.id}`, { headers: auth })).json()) as {
      state: string;
      result: { findings: Finding[] };
    };
    assert.equal(rest.state, 'done');
    const restHashes = rest.result.findings.map((f) => f.fingerprint).sort();
    assert.deepEqual(restHashes, wsHashes);

    // And the WebSocket scan itself is a /v1/scans job with the same findings.
    const wsJob = (await (
      await fetch(`${h.httpUrl}/v1/scans/${String(done.payload.scan_id)}`, { headers: auth })
    ).json()) as {
      result: { findings: Finding[] };
    };
    assert.deepEqual(wsJob.result.findings.map((f) => f.fingerprint).sort(), wsHashes);
    // Location and snippet survive the mapping.
    const entries = details.multi_file_scan_details as {
      metric_wise_aggregated_findings: {
        bug_hash: string;
        findings: { file_path: string; line_nos_start: number[]; line_nos_end: number[]; snippet: string }[];
      }[];
    }[];
    for (const f of rest.result.findings) {
      const m = entries
        .flatMap((e) => e.metric_wise_aggregated_findings)
        .find((x) => x.bug_hash === f.fingerprint);
      assert.ok(m);
      assert.deepEqual(m.findings[0], {
        ...m.findings[0],
        file_path: `/${f.file}`,
        line_nos_start: [f.startLine],
        line_nos_end: [f.endLine],
        snippet: f.snippet,
      });
    }
  });
});
