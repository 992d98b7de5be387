import { defineDetector } from '../define-detector.js';
import {
  isAccessControlled,
  isEntryPoint,
  publicApi,
  reachableFunctions,
  targetContracts,
} from './lib/query.js';

export default defineDetector({
  id: 'unprotected-mint',
  title: 'Unprotected mint',
  severity: 'critical',
  confidence: 'medium',
  category: 'access_control',
  swc: 'SWC-105',
  description:
    'A public mint-like function increases supply or balances without an access check; anyone can create tokens.',
  recommendation: 'Restrict minting to an authorized role (onlyOwner / MINTER_ROLE) or tie it to a payment.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const f of publicApi(c)) {
        if (!isEntryPoint(f) || f.contract !== c || !/mint/i.test(f.name) || f.mutability === 'payable')
          continue;
        if (isAccessControlled(f)) continue;
        // Minting against a payment (ERC4626 mint, token sales) is not free minting.
        const paid = reachableFunctions(f).some(
          (g) =>
            g.calls.some((x) => /transferFrom$/i.test(x.name)) ||
            /msg\.value/.test(g.contract.file.source.slice(g.node.start, g.node.end)),
        );
        if (paid) continue;
        const writesSupply =
          reachableFunctions(f).some((g) =>
            g.writes.some((w) => /supply|balance|owner/i.test(w.variable.name)),
          ) || f.calls.some((x) => x.kind === 'internal' && /^_?(mint|safeMint)$/i.test(x.name));
        if (writesSupply) ctx.report({ node: f.node, contract: c, function: f });
      }
    }
  },
});
