import { defineDetector } from '../define-detector.js';
import { baseIdentifier } from '../ir/build.js';
import { ancestor, child, textOf } from '../parse/syntax-node.js';
import { targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'encode-packed-collision',
  title: 'Hash collision with abi.encodePacked',
  severity: 'medium',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-133',
  description:
    'abi.encodePacked is hashed with two or more dynamic-length arguments (string, bytes, arrays). ("a","bc") and ("ab","c") encode identically, so distinct inputs share a hash (signatures, ids, access keys).',
  recommendation: 'Use abi.encode, or make sure at most one argument is dynamic.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      for (const c of f.calls) {
        if (c.name !== 'encodePacked' || textOf(c.receiver) !== 'abi') continue;
        const dynamic = c.args.filter((a) => {
          const b = a.kind === 'Identifier' ? a : baseIdentifier(a) === a ? a : undefined;
          const v = b ? f.resolve(b) : undefined;
          return v && (v.type.kind === 'array' || /^(string|bytes)$/.test(v.type.text));
        });
        const hashed = /^(keccak256|sha3|sha256)$/.test(
          child(ancestor(c.node, 'FunctionCallExpression') ?? c.node, 'Operand')?.text ?? '',
        );
        if (dynamic.length >= 2 && hashed) ctx.report({ node: c.node, contract: f.contract, function: f });
      }
    }
  },
});
