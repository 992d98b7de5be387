import type { DisassembledCode } from './disassembler.js';

/** Opcodes whose presence matters to a risk assessment. */
export interface OpcodeFacts {
  selfdestruct: boolean;
  delegatecall: boolean;
  callcode: boolean;
  create: boolean;
  create2: boolean;
  origin: boolean;
  call: boolean;
  staticcall: boolean;
  sstore: boolean;
  /** Number of instructions after the metadata trailer was stripped. */
  instructionCount: number;
}

/**
 * Facts over reachable-looking code: a linear sweep, with the bytes after an
 * unconditional halt and before the next JUMPDEST skipped (they are data such as
 * constructor-appended immutables or string tables, not code).
 */
export function opcodeFacts(code: DisassembledCode): OpcodeFacts {
  const facts: OpcodeFacts = {
    selfdestruct: false,
    delegatecall: false,
    callcode: false,
    create: false,
    create2: false,
    origin: false,
    call: false,
    staticcall: false,
    sstore: false,
    instructionCount: code.instructions.length,
  };
  let dead = false;
  for (const ins of code.instructions) {
    if (ins.name === 'JUMPDEST') dead = false;
    if (dead) continue;
    switch (ins.name) {
      case 'SELFDESTRUCT':
        facts.selfdestruct = true;
        break;
      case 'DELEGATECALL':
        facts.delegatecall = true;
        break;
      case 'CALLCODE':
        facts.callcode = true;
        break;
      case 'CREATE':
        facts.create = true;
        break;
      case 'CREATE2':
        facts.create2 = true;
        break;
      case 'ORIGIN':
        facts.origin = true;
        break;
      case 'CALL':
        facts.call = true;
        break;
      case 'STATICCALL':
        facts.staticcall = true;
        break;
      case 'SSTORE':
        facts.sstore = true;
        break;
      default:
        break;
    }
    if (['STOP', 'RETURN', 'REVERT', 'INVALID', 'JUMP', 'SELFDESTRUCT'].includes(ins.name)) dead = true;
  }
  return facts;
}
