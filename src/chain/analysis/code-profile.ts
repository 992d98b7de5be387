import { type Address, getAddress, type Hex, keccak256 } from 'viem';
import { disassemble } from '../bytecode/disassembler.js';
import { type OpcodeFacts, opcodeFacts } from '../bytecode/opcode-facts.js';
import { extractSelectors } from '../bytecode/selectors.js';
import { defaultSelectorDictionary, type SelectorDictionary } from '../selectors/dictionary.js';

/** What the bytecode alone tells about a contract. */
export interface CodeProfile {
  codeSize: number;
  codeHash: Hex;
  selectors: Hex[];
  /** Selectors the dictionary names, selector → first signature. */
  named: Record<string, string>;
  /** Risk tags of the named selectors (mint, blacklist, pause, ...). */
  tags: Set<string>;
  opcodes: OpcodeFacts;
  /** EIP-1167 (or its PUSH0 variant, ERC-7511) minimal proxy target. */
  minimalProxyTarget: Address | undefined;
}

const EIP1167 = /^0x363d3d373d3d3d363d73([0-9a-f]{40})5af43d82803e903d91602b57fd5bf3$/i;
const ERC7511 = /^0x365f5f375f5f365f73([0-9a-f]{40})5af43d5f5f3e5f3d91602a57fd5bf3$/i;

export function minimalProxyTarget(code: Hex): Address | undefined {
  const match = EIP1167.exec(code) ?? ERC7511.exec(code);
  return match?.[1] ? getAddress(`0x${match[1]}`) : undefined;
}

export function profileCode(
  code: Hex,
  dictionary: SelectorDictionary = defaultSelectorDictionary(),
): CodeProfile {
  const disassembly = disassemble(code);
  const selectors = extractSelectors(disassembly);
  const named: Record<string, string> = {};
  for (const s of selectors) {
    const sig = dictionary.signatures(s)[0];
    if (sig) named[s] = sig;
  }
  return {
    codeSize: (code.length - 2) / 2,
    codeHash: keccak256(code),
    selectors,
    named,
    tags: dictionary.tagsOf(selectors),
    opcodes: opcodeFacts(disassembly),
    minimalProxyTarget: minimalProxyTarget(code),
  };
}
