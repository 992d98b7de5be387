import { defineDetector } from '../define-detector.js';
import { child, findAll, textOf } from '../parse/syntax-node.js';
import { guardConditions, isEntryPoint, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'front-running-commit-reveal',
  title: 'Secret revealed in a front-runnable transaction',
  severity: 'medium',
  confidence: 'medium',
  category: 'front_running',
  swc: 'SWC-114',
  description:
    'A caller is rewarded for submitting a value that matches a stored hash. The answer is visible in the mempool, so anyone can copy it with a higher gas price (no commit-reveal).',
  recommendation:
    'Use a commit-reveal scheme: first commit keccak256(answer, msg.sender, salt), reveal in a later block.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || !f.body) continue;
      const pays = f.calls.some(
        (c) =>
          c.kind === 'eth-transfer' ||
          (c.kind === 'low-level' && c.value) ||
          (c.kind === 'high-level' && c.name === 'transfer'),
      );
      if (!pays) continue;
      for (const cond of guardConditions(f.body)) {
        if (!/==/.test(textOf(cond))) continue;
        const hashesParam = findAll(cond, 'FunctionCallExpression').some((h) => {
          if (!/^(keccak256|sha3|sha256)$/.test(child(h, 'Operand')?.text ?? '')) return false;
          const ids = findAll(h, 'Identifier').map((i) => f.resolve(i));
          return ids.some((v) => v?.scope === 'param') && !/msg\.sender/.test(textOf(h));
        });
        if (hashesParam) ctx.report({ node: cond, contract: f.contract, function: f });
      }
    }
  },
});
