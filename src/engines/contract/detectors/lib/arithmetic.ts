import type { FunctionIR } from '../../ir/types.js';
import { ancestor, child, findAll, type SyntaxNode, textOf } from '../../parse/syntax-node.js';
import { guardConditions } from './query.js';

export const ARITH_KINDS = new Set([
  'AdditiveExpression',
  'MultiplicativeExpression',
  'AssignmentExpression',
  'ExponentiationExpression',
]);

/** Overflow-prone operations: + - * ** and += -= *=, excluding loop counters and constant folding. */
export function riskyArithmetic(f: FunctionIR, root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const conds = f.body ? guardConditions(f.body) : [];
  for (const n of findAll(root, ARITH_KINDS)) {
    const op = child(n, 'Operator')?.text ?? '';
    if (n.kind === 'AssignmentExpression' && !/^(\+=|-=|\*=)$/.test(op)) continue;
    if (n.kind === 'MultiplicativeExpression' && op !== '*') continue;
    const l = child(n, 'LeftOperand');
    const r = child(n, 'RightOperand');
    if (!l || !r) continue;
    if (isConstant(l) && isConstant(r)) continue;
    // Arithmetic inside a require/if condition is the overflow check itself.
    const inCond = conds.find((c) => n.start >= c.start && n.end <= c.end);
    if (inCond && textOf(inCond).split(textOf(l)).length > 2) continue;
    if (ancestor(n, 'ForStatement') && ancestor(n, 'ForStatement') === n.parent) continue;
    // Only values somebody controls: state, parameters, msg.value.
    const involved = [...findAll(n, 'Identifier')]
      .map((i) => f.resolve(i))
      .filter((v) => v && (v.scope === 'state' || v.scope === 'param'));
    // Ether amounts (msg.value) cannot realistically overflow 256 bits.
    if (involved.length === 0 || textOf(n).includes('msg.value')) continue;
    // A preceding comparison of the same operands (require(a >= b); a -= b) is a manual bounds check.
    const lt = textOf(l);
    const rt = textOf(r);
    const guarded = conds.some(
      (c) => c.end < n.start && /[<>]/.test(textOf(c)) && textOf(c).includes(lt) && textOf(c).includes(rt),
    );
    if (guarded) continue;
    out.push(n);
  }
  return out;
}

function isConstant(n: SyntaxNode): boolean {
  return (
    /^(DecimalNumberExpression|HexNumberExpression)$/.test(n.kind) || /^[A-Z_][A-Z0-9_]*$/.test(textOf(n))
  );
}
