import { defineDetector } from '../define-detector.js';
import type { FunctionIR } from '../ir/types.js';
import { child, findAll, type SyntaxNode, textOf } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

/** Whether the boolean result of a call is looked at. */
export function successIsChecked(f: FunctionIR, call: SyntaxNode): boolean {
  let n = call;
  for (;;) {
    const p = n.parent;
    if (!p || p.kind === 'ExpressionStatement') return false;
    if (p.kind === 'TupleExpression' || p.kind === 'TupleValue' || p.kind === 'TupleValues') {
      n = p;
      continue;
    }
    if (
      p.kind === 'VariableDeclarationStatement' ||
      p.kind === 'TupleDeconstructionStatement' ||
      p.kind === 'VariableDeclarationValue' ||
      p.kind === 'AssignmentExpression'
    ) {
      const decl = p.kind === 'VariableDeclarationValue' ? p.parent! : p;
      let name: string | undefined;
      if (decl.kind === 'AssignmentExpression') name = textOf(child(decl, 'LeftOperand'));
      else if (decl.kind === 'VariableDeclarationStatement') name = child(decl, 'Name')?.text;
      else
        name = findAll(decl, new Set(['TypedTupleMember', 'UntypedTupleMember']))[0]
          ? child(findAll(decl, new Set(['TypedTupleMember', 'UntypedTupleMember']))[0], 'Name')?.text
          : undefined;
      if (!name || !f.body) return false;
      const uses = findAll(f.body, 'Identifier').filter(
        (i) => i.text === name && i.label !== 'Name' && i.start > decl.end,
      );
      return uses.length > 0;
    }
    return true;
  }
}

export default defineDetector({
  id: 'unchecked-low-level-call',
  title: 'Unchecked low-level call',
  severity: 'high',
  confidence: 'high',
  category: 'unchecked_low_level_calls',
  swc: 'SWC-104',
  description:
    'The boolean returned by call/delegatecall/staticcall/callcode is ignored. Low-level calls do not revert on failure, so execution continues as if the call succeeded.',
  recommendation:
    'Check the returned success flag (`require(ok)`) or use a wrapper such as OpenZeppelin Address.functionCall.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls) {
        if (c.kind === 'low-level' && !successIsChecked(f, c.node))
          ctx.report({ node: c.node, contract: f.contract, function: f });
      }
    }
  },
});
