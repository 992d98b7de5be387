import { defineDetector } from '../define-detector.js';
import {
  isAccessControlled,
  isEntryPoint,
  publicApi,
  reachableFunctions,
  targetContracts,
} from './lib/query.js';

export default defineDetector({
  id: 'unprotected-selfdestruct',
  title: 'Unprotected selfdestruct',
  severity: 'critical',
  confidence: 'high',
  category: 'access_control',
  swc: 'SWC-106',
  description:
    'Anyone can reach selfdestruct/suicide and destroy the contract, sending its ether to an address of their choice.',
  recommendation:
    'Remove selfdestruct, or restrict it to an authorized role (onlyOwner / multisig with timelock).',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const f of publicApi(c)) {
        if (!isEntryPoint(f) || isAccessControlled(f)) continue;
        for (const g of reachableFunctions(f)) {
          for (const call of g.calls) {
            if (call.kind === 'builtin' && (call.name === 'selfdestruct' || call.name === 'suicide')) {
              ctx.report({
                node: call.node,
                contract: g.contract,
                function: g,
                message: `${f.name}() lets anyone destroy the contract`,
              });
            }
          }
        }
      }
    }
  },
});
