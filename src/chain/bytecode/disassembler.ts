import { type Hex, hexToBytes } from 'viem';
import { immediateSize, opcodeName } from './opcodes.js';

export interface Instruction {
  pc: number;
  opcode: number;
  name: string;
  /** Immediate of a PUSHn as 0x-hex (may be shorter than n bytes when code is truncated). */
  push?: Hex;
}

export interface DisassembledCode {
  /** Executable part (Solidity CBOR metadata trailer removed). */
  instructions: Instruction[];
  /** Valid jump destinations (JUMPDEST not inside push data). */
  jumpdests: Set<number>;
  /** Byte length of the executable part. */
  codeSize: number;
  /** Length of the metadata trailer that was stripped (0 when none). */
  metadataSize: number;
}

function toHex(bytes: Uint8Array): Hex {
  return `0x${Buffer.from(bytes).toString('hex')}` as Hex;
}

/**
 * Length of Solidity's CBOR metadata trailer: the last two bytes give its length,
 * and a CBOR map starting with 0xa1-0xa5 must sit there. Stripping it stops random
 * metadata bytes being read as opcodes (a false SELFDESTRUCT 0xff, for example).
 */
export function metadataTrailerLength(code: Uint8Array): number {
  if (code.length < 4) return 0;
  const len = ((code[code.length - 2] ?? 0) << 8) | (code[code.length - 1] ?? 0);
  const start = code.length - 2 - len;
  if (len === 0 || start < 0) return 0;
  const first = code[start] ?? 0;
  return first >= 0xa1 && first <= 0xa5 ? len + 2 : 0;
}

/** Linear-sweep disassembly of runtime bytecode. */
export function disassemble(code: Hex | Uint8Array): DisassembledCode {
  const bytes = typeof code === 'string' ? (code === '0x' ? new Uint8Array() : hexToBytes(code)) : code;
  const metadataSize = metadataTrailerLength(bytes);
  const end = bytes.length - metadataSize;
  const instructions: Instruction[] = [];
  const jumpdests = new Set<number>();
  for (let pc = 0; pc < end; ) {
    const opcode = bytes[pc] ?? 0;
    const size = immediateSize(opcode);
    const instruction: Instruction = { pc, opcode, name: opcodeName(opcode) };
    if (size > 0) instruction.push = toHex(bytes.subarray(pc + 1, Math.min(pc + 1 + size, end)));
    if (opcode === 0x5b) jumpdests.add(pc);
    instructions.push(instruction);
    pc += 1 + size;
  }
  return { instructions, jumpdests, codeSize: end, metadataSize };
}

/** Human listing, one instruction per line (`0004: PUSH1 0x80`). */
export function formatDisassembly(code: DisassembledCode): string {
  return code.instructions
    .map((i) => `${i.pc.toString(16).padStart(4, '0')}: ${i.name}${i.push ? ` ${i.push}` : ''}`)
    .join('\n');
}
