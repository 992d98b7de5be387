// The SARIF log validates against the OASIS SARIF 2.1.0 JSON schema (draft-04; vendored from
// @microsoft/jest-sarif into test/fixtures/schemas) for a real multi-file report with findings of
// every level, a finding without a contract, and an empty report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { analyzeSources, renderSarif } from '../../../src/engines/contract/index.js';
import { loadFixtureContract } from '../../helpers/explorer-server.js';

const schema = JSON.parse(
  readFileSync(new URL('../../fixtures/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
) as object;
// unicodeRegExp off: the published schema's `language` pattern is not valid under the `u` flag.
// A CommonJS module with `exports.default`: under NodeNext the class sits on `.default`.
const Ajv = AjvDraft04.default;
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

const BANK = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract Bank {
    mapping(address => uint256) public balances;
    address owner;
    function withdraw() external {
        (bool ok, ) = msg.sender.call{value: balances[msg.sender]}("");
        require(ok);
        balances[msg.sender] = 0;
    }
    function setOwner(address o) external { require(tx.origin == owner); owner = o; }
}
`;

describe('SARIF 2.1.0', () => {
  it('a multi-file report with findings of several severities validates against the schema', async () => {
    const triumph = loadFixtureContract('triumph');
    const report = await analyzeSources({ files: { ...triumph.files, 'Bank.sol': BANK } });
    const levels = new Set(report.findings.map((f) => f.severity));
    assert.ok(levels.size >= 3, `severities: ${[...levels].join(', ')}`);
    // One finding without a contract exercises the log's optional logicalLocations.
    const [first, ...rest] = report.findings;
    assert.ok(first);
    const { contract: _c, function: _f, ...fileLevel } = first;
    const log = renderSarif({ ...report, findings: [fileLevel, ...rest] });
    assertValid(log);
    const run = log.runs[0];
    assert.ok(run?.results && run.results.length === report.findings.length);
    const artifacts = new Set(run.artifacts?.map((a) => a.location?.uri));
    for (const r of run.results) {
      assert.ok(artifacts.has(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
    }
  });

  it('an empty report is a valid log with no results', async () => {
    const report = await analyzeSources({
      files: { 'Empty.sol': '// SPDX-License-Identifier: MIT\npragma solidity 0.8.24;\ncontract E {}\n' },
    });
    const log = renderSarif({ ...report, findings: [] });
    assertValid(log);
    assert.deepEqual(log.runs[0]?.results, []);
  });

  it('the validator does reject a broken log', () => {
    const broken = { version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal' }] }] };
    assert.equal(validate(broken), false);
  });
});
