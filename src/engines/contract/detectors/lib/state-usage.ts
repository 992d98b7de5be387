import type { ContractIR, FunctionIR, VariableIR } from '../../ir/types.js';

export function allFunctions(c: ContractIR): FunctionIR[] {
  return c.linearization.flatMap((k) => [...k.functions, ...k.modifiers]);
}

export function writersOf(c: ContractIR, v: VariableIR): FunctionIR[] {
  return allFunctions(c).filter((f) => f.writes.some((w) => w.variable === v));
}

/** Contracts (anywhere in the project) that inherit from `c`. */
export function derivedContracts(all: ContractIR[], c: ContractIR): ContractIR[] {
  return all.filter((k) => k !== c && k.linearization.includes(c));
}
