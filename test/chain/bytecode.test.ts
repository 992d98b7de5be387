import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { keccak256, toBytes, toFunctionSelector } from 'viem';
import { profileCode } from '../../src/chain/analysis/code-profile.js';
import {
  disassemble,
  formatDisassembly,
  metadataTrailerLength,
} from '../../src/chain/bytecode/disassembler.js';
import { opcodeFacts } from '../../src/chain/bytecode/opcode-facts.js';
import { extractSelectors } from '../../src/chain/bytecode/selectors.js';
import { defaultSelectorDictionary } from '../../src/chain/selectors/dictionary.js';
import {
  buildDictionary,
  DICTIONARY_FILE,
  parseSignatureList,
  renderDictionary,
  SIGNATURES_FILE,
} from '../../src/chain/selectors/generate.js';
import { compileFiles } from '../helpers/solc.js';

const out = compileFiles([
  'test/fixtures/contracts/address/BlacklistPauseToken.sol',
  'test/fixtures/contracts/address/Destructible.sol',
  'test/fixtures/contracts/address/CleanToken.sol',
]);

describe('disassembler', () => {
  test('decodes pushes and skips their immediates', () => {
    const code = disassemble('0x6080604052600436106100');
    assert.equal(formatDisassembly(code).split('\n')[0], '0000: PUSH1 0x80');
    assert.deepEqual(
      code.instructions.map((i) => i.name),
      ['PUSH1', 'PUSH1', 'MSTORE', 'PUSH1', 'CALLDATASIZE', 'LT', 'PUSH2'],
    );
    // A truncated PUSH2 at the end keeps the bytes that exist.
    assert.equal(code.instructions.at(-1)?.push, '0x00');
  });

  test('a 0x5b inside push data is not a jump destination', () => {
    const code = disassemble('0x615b5b5b');
    assert.deepEqual([...code.jumpdests], [3]);
  });

  test('strips the Solidity CBOR metadata trailer', () => {
    const runtime = out.contract('CleanToken').deployedBytecode;
    const bytes = toBytes(runtime);
    const trailer = metadataTrailerLength(bytes);
    assert.ok(trailer > 40 && trailer < 120);
    assert.equal(disassemble(runtime).codeSize, bytes.length - trailer);
  });
});

describe('selector extraction from the dispatcher', () => {
  test('finds exactly the public functions of a compiled contract', () => {
    const c = out.contract('BlacklistPauseToken');
    const expected = c.abi
      .filter((item) => item.type === 'function')
      .map((item) => toFunctionSelector(item as never))
      .sort();
    assert.deepEqual(extractSelectors(disassemble(c.deployedBytecode)), expected);
  });

  test('ignores PUSH4 constants that are not compared (error selectors)', () => {
    // PUSH4 0x08c379a0 PUSH1 0 MSTORE: an Error(string) selector being stored.
    assert.deepEqual(extractSelectors(disassemble('0x6308c379a0600052')), []);
  });
});

describe('opcode facts', () => {
  test('SELFDESTRUCT is seen in the destructible fixture and not in the clean token', () => {
    assert.equal(opcodeFacts(disassemble(out.contract('Destructible').deployedBytecode)).selfdestruct, true);
    const clean = opcodeFacts(disassemble(out.contract('CleanToken').deployedBytecode));
    assert.equal(clean.selfdestruct, false);
    assert.equal(clean.delegatecall, false);
  });

  test('code after an unconditional halt and before a JUMPDEST is data, not code', () => {
    // STOP, then 0xff (would be SELFDESTRUCT) as unreachable data, then JUMPDEST DELEGATECALL.
    const facts = opcodeFacts(disassemble('0x00ff5bf4'));
    assert.equal(facts.selfdestruct, false);
    assert.equal(facts.delegatecall, true);
  });

  test('EIP-1167 minimal proxy is recognized from its code', () => {
    const target = '5fbdb2315678afecb367f032d93f642f64180aa3';
    const profile = profileCode(`0x363d3d373d3d3d363d73${target}5af43d82803e903d91602b57fd5bf3`);
    assert.equal(profile.minimalProxyTarget?.toLowerCase(), `0x${target}`);
  });
});

describe('selector dictionary (data file)', () => {
  test('dictionary.json is what generate.ts builds from signatures.txt (not stale, not hand-edited)', () => {
    // Compared as data: the formatter may re-indent the file.
    const built = JSON.parse(renderDictionary(buildDictionary(readFileSync(SIGNATURES_FILE, 'utf8'))));
    assert.deepEqual(JSON.parse(readFileSync(DICTIONARY_FILE, 'utf8')), built);
  });

  test('every entry is keccak256(signature)[0:4]', () => {
    const file = JSON.parse(readFileSync(DICTIONARY_FILE, 'utf8')) as {
      entries: Record<string, { signatures: string[] }>;
    };
    for (const [selector, entry] of Object.entries(file.entries)) {
      for (const sig of entry.signatures) assert.equal(keccak256(toBytes(sig)).slice(0, 10), selector, sig);
    }
    assert.ok(Object.keys(file.entries).length > 100);
  });

  test('known selectors and tags', () => {
    const dict = defaultSelectorDictionary();
    assert.deepEqual(dict.signatures('0xa9059cbb'), ['transfer(address,uint256)']);
    assert.ok(dict.tags('0x40c10f19').includes('mint'));
    assert.ok(dict.tags('0x0ecb93c0').includes('blacklist'));
    assert.deepEqual(dict.signatures('0xdeadbeef'), []);
  });

  test('the parser rejects a line that is not a canonical signature', () => {
    assert.throws(() => parseSignatureList('transfer address uint256 erc20'), /not a canonical signature/);
  });
});
