import type { FunctionIR } from '../../ir/types.js';
import { child, findAll, type SyntaxNode, textOf } from '../../parse/syntax-node.js';

const BLOCK_MEMBERS = new Set(['timestamp', 'difficulty', 'prevrandao', 'number', 'coinbase', 'gaslimit']);

/** Miner/validator-influenced values: block.*, now, blockhash(). */
export function chainEntropySources(f: FunctionIR, root: SyntaxNode | undefined = f.body): SyntaxNode[] {
  if (!root) return [];
  const out: SyntaxNode[] = [];
  for (const n of findAll(
    root,
    new Set(['MemberAccessExpression', 'Identifier', 'FunctionCallExpression']),
  )) {
    if (n.kind === 'MemberAccessExpression') {
      const obj = child(n, 'Operand');
      const m = child(n, 'Member')?.text ?? '';
      if (
        obj?.kind === 'Identifier' &&
        obj.text === 'block' &&
        !f.resolve(obj) &&
        (BLOCK_MEMBERS.has(m) || m === 'blockhash')
      )
        out.push(n);
    } else if (
      n.kind === 'Identifier' &&
      n.text === 'now' &&
      n.label !== 'Name' &&
      n.label !== 'Member' &&
      !f.resolve(n)
    )
      out.push(n);
    else if (n.kind === 'FunctionCallExpression' && child(n, 'Operand')?.text === 'blockhash') out.push(n);
  }
  return out;
}

/** Whether a time source is the only entropy-like ingredient (used for timestamp vs randomness). */
export function isTimeSource(n: SyntaxNode): boolean {
  const t = textOf(n);
  return t === 'now' || t === 'block.timestamp';
}
