import { defineDetector } from '../define-detector.js';
import { ancestor, child, findAll, textOf } from '../parse/syntax-node.js';
import { chainEntropySources } from './lib/chain-sources.js';
import { enclosingStatementText, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'weak-prng',
  title: 'Weak randomness from chain attributes',
  severity: 'high',
  confidence: 'medium',
  category: 'bad_randomness',
  swc: 'SWC-120',
  description:
    'Randomness is derived from block.timestamp, now, blockhash, block.number or block.difficulty/prevrandao. Validators can influence these and other contracts can compute them in the same block, so outcomes are predictable.',
  recommendation: 'Use a verifiable randomness source (Chainlink VRF) or a commit-reveal scheme.',
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      const sources = chainEntropySources(f);
      if (sources.length === 0) continue;
      const RANDOMISH = /random|rand|lottery|winner|seed|dice|roll|luck|shuffle|pick|rarity|raffle|draw/i;
      for (const s of sources) {
        const randomish = RANDOMISH.test(`${f.name} ${f.contract.name} ${enclosingStatementText(s)}`);
        // Hashing or taking a modulus of a chain value is how pseudo-randomness is made.
        const hashed =
          ancestor(s, 'FunctionCallExpression') &&
          /^(keccak256|sha3|sha256)$/.test(
            child(ancestor(s, 'FunctionCallExpression')!, 'Operand')?.text ?? '',
          );
        const inHash = findAll(f.body!, 'FunctionCallExpression').some(
          (c) =>
            /^(keccak256|sha3|sha256|uint256|uint)$/.test(child(c, 'Operand')?.text ?? '') &&
            s.start >= c.start &&
            s.end <= c.end,
        );
        const modded =
          ancestor(s, 'MultiplicativeExpression') &&
          child(ancestor(s, 'MultiplicativeExpression')!, 'Operator')?.text === '%';
        const isBlockhash =
          textOf(s).startsWith('blockhash') ||
          textOf(s).includes('difficulty') ||
          textOf(s).includes('prevrandao');
        if (hashed || modded || (inHash && randomish) || (isBlockhash && randomish)) {
          ctx.report({
            node: s,
            contract: f.contract,
            function: f,
            message: `${textOf(s)} used as a source of randomness`,
          });
        }
      }
    }
  },
});
