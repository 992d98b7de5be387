import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureStatus } from '../../../src/api/solidityscan/errors.js';
import {
  explorerPresentation,
  loadPlatformDefaults,
} from '../../../src/api/solidityscan/platform-defaults.js';
import { eventTimestamp, newRequestUuid, outbound } from '../../../src/api/solidityscan/protocol.js';
import {
  issueId,
  multiFileScanDetails,
  multiFileScanSummary,
  projectId,
  scores,
  vendorPath,
} from '../../../src/api/solidityscan/report.js';
import { parseConfig } from '../../../src/core/config.js';
import type { Finding, Severity } from '../../../src/engines/contract/report-types.js';

function finding(detector: string, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    detector,
    title: `${detector} title`,
    severity,
    confidence: 'high',
    description: `${detector} description`,
    recommendation: `${detector} fix`,
    message: `${detector} here`,
    file: 'contracts/A.sol',
    startLine: 10,
    endLine: 12,
    startColumn: 5,
    endColumn: 6,
    snippet: 'x.call{value: 1}("");',
    contract: 'A',
    function: 'f',
    fingerprint: `${detector}-fp`.padEnd(32, '0'),
    ...extra,
  };
}

const summary = (findings: Finding[], detectorsRun: string[], score = 72.2) => ({
  issueSeverityDistribution: {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    informational: 0,
    gas: 0,
    ...count(findings),
  },
  score,
  filesAnalyzed: 3,
  linesAnalyzed: 1000,
  durationMs: 1234,
  detectorsRun,
});
function count(findings: Finding[]): Partial<Record<Severity, number>> {
  const out: Partial<Record<Severity, number>> = {};
  for (const f of findings) out[f.severity] = (out[f.severity] ?? 0) + 1;
  return out;
}

describe('SolidityScan protocol helpers', () => {
  it('formats event timestamps as UTC with microseconds', () => {
    assert.equal(
      eventTimestamp(Date.UTC(2024, 3, 19, 11, 37, 17, 854) + 0.547),
      '2024-04-19 11:37:17.854547',
    );
    assert.equal(eventTimestamp(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), '2024-01-02 03:04:05.006000');
    assert.match(eventTimestamp(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/);
  });

  it('builds envelopes with exactly the four vendor fields', () => {
    const e = outbound('auth_token_register', newRequestUuid(), { message: 'Auth token registered.' });
    assert.deepEqual(Object.keys(e), ['type', 'request_uuid', 'payload', 'event_timestamp']);
    assert.match(e.request_uuid, /^[0-9a-f]{32}$/);
    assert.notEqual(newRequestUuid(), newRequestUuid());
  });

  it('classifies failures as download_failed or scan_failed', () => {
    for (const code of [
      'CONTRACT_NOT_VERIFIED',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_RATE_LIMITED',
      'UNSUPPORTED_CHAIN',
    ]) {
      assert.equal(failureStatus(code), 'download_failed', code);
    }
    for (const code of ['ENGINE_FAILED', 'JOB_TIMEOUT', 'CANCELLED', 'INTERNAL'])
      assert.equal(failureStatus(code), 'scan_failed', code);
  });
});

describe('SolidityScan report mapping', () => {
  it('names issues in the vendor style and paths with a leading slash', () => {
    assert.equal(issueId('reentrancy-eth'), 'REENTRANCY_ETH');
    assert.equal(issueId('tx-origin-auth'), 'TX_ORIGIN_AUTH');
    assert.equal(vendorPath('contracts/A.sol'), '/contracts/A.sol');
    assert.equal(vendorPath('/abs/A.sol'), '/abs/A.sol');
    assert.match(projectId('etherscan/mainnet/0xAbC'), /^[0-9a-f]{32}$/);
    assert.equal(projectId('etherscan/mainnet/0xAbC'), projectId('etherscan/mainnet/0xabc'));
  });

  it('computes string scores: score_v2 out of 100, score out of 5, threat_score as checks passed', () => {
    const findings = [
      finding('a', 'high'),
      finding('a', 'high'),
      finding('b', 'low'),
      finding('c', 'medium'),
    ];
    const s = scores({ findings, summary: summary(findings, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) });
    assert.deepEqual(s, { score: '3.61', score_v2: '72.20', threat_score: '75.00' });
    const clean = scores({ findings: [], summary: summary([], [], 100) });
    assert.deepEqual(clean, { score: '5.00', score_v2: '100.00', threat_score: '100.00' });
  });

  it('summarises with integer counts and seconds', () => {
    const findings = [finding('a', 'critical'), finding('g', 'gas')];
    const out = multiFileScanSummary({ findings, summary: summary(findings, ['a', 'g']) }, 1.6);
    assert.deepEqual(out.issue_severity_distribution, {
      critical: 1,
      high: 0,
      medium: 0,
      low: 0,
      informational: 0,
      gas: 1,
    });
    assert.equal(out.issues_count, 2);
    assert.equal(out.count_files_analyzed, 3);
    assert.equal(out.lines_analyzed_count, 1000);
    assert.equal(out.scan_time_taken, 2);
    assert.deepEqual(out.scans_ran, ['A', 'G']);
  });

  it('groups findings per detector, most severe first, with array line numbers and snippets', () => {
    const findings = [
      finding('low-one', 'low'),
      finding('crit', 'critical', { startLine: 3, endLine: 4, fingerprint: 'f1'.padEnd(32, '0') }),
      finding('crit', 'critical', {
        startLine: 30,
        endLine: 31,
        function: undefined,
        fingerprint: 'f2'.padEnd(32, '0'),
      }),
    ];
    const details = multiFileScanDetails(findings);
    assert.deepEqual(
      details.map((d) => [d.issue_id, d.no_of_findings]),
      [
        ['CRIT', '2'],
        ['LOW_ONE', '1'],
      ],
    );
    const crit = details[0]!;
    assert.equal(crit.template_details.issue_severity, 'critical');
    assert.equal(crit.template_details.issue_confidence, '2');
    assert.equal(crit.template_details.issue_remediation, 'crit fix');
    assert.equal(crit.template_details.vigil_detector, 'crit');
    const [m1, m2] = crit.metric_wise_aggregated_findings;
    assert.equal(m1?.bug_hash, 'f1'.padEnd(32, '0'));
    assert.deepEqual(m1?.description_details, {
      function_name: 'f',
      contract_name: 'A',
      message: 'crit here',
    });
    assert.deepEqual(m2?.description_details, { contract_name: 'A', message: 'crit here' });
    assert.deepEqual(m1?.findings[0], {
      file_path: '/contracts/A.sol',
      line_nos_start: [3],
      line_nos_end: [4],
      snippet: 'x.call{value: 1}("");',
      column_nos_start: [5],
      column_nos_end: [6],
    });
  });
});

describe('platform defaults (data file)', () => {
  it('loads and validates the table', () => {
    const table = loadPlatformDefaults();
    assert.equal(table.etherscan?.mainnet?.browserUrl, 'https://etherscan.io/address/');
    assert.equal(table.bscscan?.mainnet?.currency, 'BNB');
    assert.ok(!Object.keys(table).some((k) => k.startsWith('$')));
  });

  it('prefers configured values and fills gaps from the table', () => {
    const config = parseConfig({
      platforms: {
        bscscan: { mainnet: { apiUrl: 'http://127.0.0.1:1/api' } },
        mychain: {
          mainnet: {
            apiUrl: 'http://127.0.0.1:1/api',
            browserUrl: 'https://scan.example/addr',
            currency: 'MYC',
          },
        },
      },
    });
    assert.deepEqual(explorerPresentation(config, 'bscscan', 'mainnet', '0xA'), {
      contractUrl: 'https://bscscan.com/address/0xA',
      currency: 'BNB',
    });
    assert.deepEqual(explorerPresentation(config, 'mychain', 'mainnet', '0xA'), {
      contractUrl: 'https://scan.example/addr/0xA',
      currency: 'MYC',
    });
    assert.deepEqual(explorerPresentation(config, 'unknown', 'x', '0xA'), {
      contractUrl: '',
      currency: 'ETH',
    });
  });
});
