import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findEntry,
  parseEtherscanSourceCode,
} from '../../../../src/engines/contract/sources/etherscan-format.js';

const A = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport "./B.sol";\ncontract A is B {}\n';
const B = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract B {}\n';

describe('parseEtherscanSourceCode', () => {
  it('reads double-brace standard-JSON input with remappings', () => {
    const input = {
      language: 'Solidity',
      sources: { 'src/A.sol': { content: A }, 'src/B.sol': { content: B } },
      settings: { remappings: ['x/=y/'] },
    };
    const parsed = parseEtherscanSourceCode({ SourceCode: `{${JSON.stringify(input)}}`, ContractName: 'A' });
    assert.ok(parsed);
    assert.equal(parsed.layout, 'standard-json');
    assert.deepEqual(Object.keys(parsed.files), ['src/A.sol', 'src/B.sol']);
    assert.equal(parsed.files['src/B.sol'], B);
    assert.deepEqual(parsed.remappings, ['x/=y/']);
    assert.equal(parsed.entry, 'src/A.sol');
  });

  it('reads the legacy single-brace multi-file JSON', () => {
    const parsed = parseEtherscanSourceCode({
      SourceCode: JSON.stringify({ 'A.sol': { content: A }, 'B.sol': { content: B } }),
      ContractName: 'B',
    });
    assert.equal(parsed?.layout, 'multi');
    assert.equal(parsed?.entry, 'B.sol');
    assert.equal(Object.keys(parsed?.files ?? {}).length, 2);
  });

  it('keeps a plain source as one file named after the contract', () => {
    const parsed = parseEtherscanSourceCode({ SourceCode: B, ContractName: 'B' });
    assert.equal(parsed?.layout, 'single');
    assert.deepEqual(parsed?.files, { 'B.sol': B });
    assert.equal(parsed?.entry, 'B.sol');
  });

  it('recognises a flattened upload by its repeated pragmas', () => {
    const parsed = parseEtherscanSourceCode({
      SourceCode: `${B}\n${A.replace('import "./B.sol";\n', '')}`,
      ContractName: 'A',
    });
    assert.equal(parsed?.layout, 'flattened');
    assert.deepEqual(Object.keys(parsed?.files ?? {}), ['A.sol']);
  });

  it('collects Blockscout AdditionalSources', () => {
    const parsed = parseEtherscanSourceCode({
      SourceCode: A,
      ContractName: 'A',
      FileName: 'contracts/A.sol',
      AdditionalSources: [{ Filename: 'contracts/B.sol', SourceCode: B }],
    });
    assert.equal(parsed?.layout, 'multi');
    assert.deepEqual(Object.keys(parsed?.files ?? {}), ['contracts/A.sol', 'contracts/B.sol']);
    assert.equal(parsed?.entry, 'contracts/A.sol');
  });

  it('returns undefined for an unverified contract', () => {
    assert.equal(
      parseEtherscanSourceCode({ SourceCode: '', ABI: 'Contract source code not verified' }),
      undefined,
    );
    assert.equal(parseEtherscanSourceCode({}), undefined);
  });

  it('treats a brace-started text that is not JSON as source', () => {
    const parsed = parseEtherscanSourceCode({ SourceCode: '{ not json', ContractName: 'X' });
    assert.deepEqual(parsed?.files, { 'X.sol': '{ not json' });
  });
});

describe('findEntry', () => {
  it('prefers the file named after the contract among the declaring files', () => {
    const files = {
      'lib/Uses.sol': 'import "../A.sol"; contract Z { A a; }',
      'A.sol': 'contract A {}',
      'other/A2.sol': 'contract A2 {}',
    };
    assert.equal(findEntry(files, 'A'), 'A.sol');
    assert.equal(findEntry(files, 'Missing'), undefined);
  });
});
