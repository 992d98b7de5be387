import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pino from 'pino';
import type { EngineContext } from '../../../src/core/engine.js';
import type { Job } from '../../../src/core/jobs/types.js';
import {
  type AnalysisReport,
  analyzePath,
  analyzeSources,
  createContractEngine,
  renderMarkdown,
  renderSarif,
  renderTable,
  reportExceeds,
} from '../../../src/engines/contract/index.js';
import type { EngineFactoryContext } from '../../../src/engines/index.js';

const VULN = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;
contract Bank {
    mapping(address => uint256) public balances;
    function withdraw() external {
        (bool ok, ) = msg.sender.call{value: balances[msg.sender]}("");
        require(ok);
        balances[msg.sender] = 0;
    }
}
`;

const tmp = mkdtempSync(join(tmpdir(), 'vigil-contract-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function ctx(): EngineContext {
  return {
    job: { id: 'j1' } as Job,
    signal: new AbortController().signal,
    progress: () => {},
    log: pino({ level: 'silent' }),
  };
}
const factoryCtx = { logger: pino({ level: 'silent' }), now: Date.now } as unknown as EngineFactoryContext;

describe('contract engine', () => {
  it('reports file, position, snippet, contract, function and a score', async () => {
    const r = await analyzeSources({ files: { 'Bank.sol': VULN } });
    const f = r.findings.find((x) => x.detector === 'reentrancy-eth');
    assert.ok(f);
    assert.equal(f.file, 'Bank.sol');
    assert.equal(f.startLine, 6);
    assert.equal(f.contract, 'Bank');
    assert.equal(f.function, 'withdraw');
    assert.match(f.snippet, /msg\.sender\.call/);
    assert.ok(r.summary.score < 100 && r.summary.score >= 0);
    assert.equal(r.summary.issueSeverityDistribution.high >= 1, true);
    assert.deepEqual(r.contracts, [{ name: 'Bank', kind: 'contract', file: 'Bank.sol' }]);
    assert.deepEqual(r.pragmas, [{ file: 'Bank.sol', pragma: 'solidity 0.8.24' }]);
  });

  it('keeps fingerprints stable when unrelated lines move', async () => {
    const a = await analyzeSources({ files: { 'Bank.sol': VULN } });
    const shifted = VULN.replace('contract Bank {', '// a new comment\n\ncontract Bank {');
    const b = await analyzeSources({ files: { 'Bank.sol': shifted } });
    const fa = a.findings.find((x) => x.detector === 'reentrancy-eth')!;
    const fb = b.findings.find((x) => x.detector === 'reentrancy-eth')!;
    assert.equal(fb.startLine, fa.startLine + 2);
    assert.equal(fa.fingerprint, fb.fingerprint);
  });

  it('honours // vigil-disable-next-line <id>', async () => {
    const src = VULN.replace(
      '        (bool ok',
      '        // vigil-disable-next-line reentrancy-eth\n        (bool ok',
    );
    const r = await analyzeSources({ files: { 'Bank.sol': src } });
    assert.equal(
      r.findings.some((x) => x.detector === 'reentrancy-eth'),
      false,
    );
    // Only that line and that detector are silenced.
    assert.ok(r.findings.some((x) => x.detector === 'known-compiler-bugs' && x.startLine === 2));
  });

  it('enables and disables detectors, rejecting unknown ids', async () => {
    const only = await analyzeSources({ files: { 'Bank.sol': VULN } }, { enabled: ['reentrancy-eth'] });
    assert.deepEqual([...new Set(only.findings.map((f) => f.detector))], ['reentrancy-eth']);
    const without = await analyzeSources({ files: { 'Bank.sol': VULN } }, { disabled: ['reentrancy-eth'] });
    assert.equal(
      without.findings.some((f) => f.detector === 'reentrancy-eth'),
      false,
    );
    await assert.rejects(analyzeSources({ files: { 'Bank.sol': VULN } }, { enabled: ['nope'] }), {
      code: 'VALIDATION_FAILED',
    });
  });

  it('resolves imports and inheritance across files of a project, with remappings and a config file', async () => {
    const dir = join(tmp, 'proj');
    mkdirSync(join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'lib/owned/src'), { recursive: true });
    writeFileSync(join(dir, 'foundry.toml'), '[profile.default]\nremappings = ["owned/=lib/owned/src/"]\n');
    writeFileSync(
      join(dir, 'lib/owned/src/Owned.sol'),
      'pragma solidity 0.8.24;\ncontract Owned { address public owner; modifier onlyOwner() { require(msg.sender == owner); _; } }\n',
    );
    writeFileSync(
      join(dir, 'src/Vault.sol'),
      'pragma solidity 0.8.24;\nimport "owned/Owned.sol";\ncontract Vault is Owned {\n  function kill() external onlyOwner { selfdestruct(payable(owner)); }\n  function open() external { selfdestruct(payable(msg.sender)); }\n}\n',
    );
    writeFileSync(join(dir, '.vigil.json'), JSON.stringify({ contract: { disabled: ['floating-pragma'] } }));
    const r = await analyzePath(dir);
    assert.equal(r.summary.filesAnalyzed, 1, 'the lib/ dependency is analyzed but not reported');
    const sd = r.findings.filter((f) => f.detector === 'unprotected-selfdestruct');
    assert.equal(sd.length, 1);
    assert.equal(sd[0]!.startLine, 5);
    assert.equal(r.summary.detectorsRun.includes('floating-pragma'), false);
  });

  it('reports a file that does not parse with file:line:column and still analyzes the rest', async () => {
    const r = await analyzeSources({
      files: {
        'Bank.sol': VULN,
        'Broken.sol': 'pragma solidity 0.8.24;\ncontract Broken {\n  function f( {\n}\n',
      },
    });
    assert.ok(r.parseErrors.length > 0);
    assert.equal(r.parseErrors[0]!.file, 'Broken.sol');
    assert.ok(r.parseErrors[0]!.line >= 2 && r.parseErrors[0]!.line <= 4, `line ${r.parseErrors[0]!.line}`);
    assert.ok(r.parseErrors[0]!.column >= 1);
    assert.ok(r.findings.some((f) => f.detector === 'reentrancy-eth' && f.file === 'Bank.sol'));
  });

  it('renders SARIF 2.1.0, markdown and table, and gates on --fail-on', async () => {
    const r: AnalysisReport = await analyzeSources({ files: { 'Bank.sol': VULN } });
    const sarif = renderSarif(r) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: { physicalLocation: { region: { startLine: number } } }[];
          partialFingerprints: Record<string, string>;
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0]!;
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
      assert.ok(res.locations[0]!.physicalLocation.region.startLine >= 1);
      assert.ok(res.partialFingerprints['vigilFingerprint/v1']);
    }
    assert.match(renderMarkdown(r), /reentrancy-eth/);
    assert.match(renderTable(r), /HIGH\s+reentrancy-eth/);
    assert.equal(reportExceeds(r, 'high'), true);
    assert.equal(reportExceeds(r, 'critical'), false);
    assert.throws(() => reportExceeds(r, 'severe'), { code: 'VALIDATION_FAILED' });
  });

  it('engine: accepts inline sources, refuses local paths unless allowed', async () => {
    const engine = createContractEngine(factoryCtx);
    assert.equal(engine.kind, 'contract');
    assert.throws(() => engine.normalize('/etc', {}), { code: 'INVALID_TARGET' });
    assert.throws(() => engine.normalize('x', { sources: [] }), { code: 'INVALID_TARGET' });
    const n = await engine.normalize('bank', { sources: { 'Bank.sol': VULN } });
    const r = await engine.run(n.target, n.options, ctx());
    assert.ok(r.findings.some((f) => f.detector === 'reentrancy-eth'));
    const std = await engine.run('bank', { sources: { 'Bank.sol': { content: VULN } } }, ctx());
    assert.equal(std.findings.length, r.findings.length);

    const file = join(tmp, 'Bank.sol');
    writeFileSync(file, VULN);
    // Job options come from API clients: they can never turn local file access on.
    assert.throws(() => engine.normalize(file, { allowLocalPaths: true }), { code: 'INVALID_TARGET' });
    await assert.rejects(engine.run(file, { allowLocalPaths: true }, ctx()), { code: 'INVALID_TARGET' });
    // The CLI's way: the factory context allows it.
    const viaCli = createContractEngine({ ...factoryCtx, allowLocalPaths: true });
    const vr = await viaCli.run((await viaCli.normalize(file, {})).target, {}, ctx());
    assert.ok(vr.findings.some((f) => f.detector === 'reentrancy-eth'));
    const local = createContractEngine(factoryCtx, { allowLocalPaths: true });
    const lr = await local.run((await local.normalize(file, {})).target, {}, ctx());
    assert.ok(lr.findings.some((f) => f.detector === 'reentrancy-eth'));
  });
});

describe('generated detector docs', () => {
  it('docs/detectors.md is up to date with the registry (run npm run docs:detectors)', async () => {
    const { renderDetectorDocs } = await import('../../../scripts/gen-detector-docs.js');
    const { readFileSync } = await import('node:fs');
    const current = readFileSync(new URL('../../../docs/detectors.md', import.meta.url), 'utf8');
    assert.equal(current, renderDetectorDocs());
  });
});
