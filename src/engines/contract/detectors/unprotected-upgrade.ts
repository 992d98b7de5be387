import { defineDetector } from '../define-detector.js';
import { isAccessControlled, isEntryPoint, publicApi, targetContracts } from './lib/query.js';

export default defineDetector({
  id: 'unprotected-upgrade',
  title: 'Unprotected upgrade',
  severity: 'critical',
  confidence: 'medium',
  category: 'access_control',
  description:
    'Anyone can change the implementation of this upgradeable contract: a public upgrade function lacks an access check, or `_authorizeUpgrade` is empty and unguarded.',
  recommendation:
    'Guard upgrades with onlyOwner/onlyRole (implement `_authorizeUpgrade` with a modifier) and use a timelock.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const f of c.functions) {
        if (
          f.name === '_authorizeUpgrade' &&
          f.body &&
          f.body.children.length <= 2 &&
          f.modifiers.length === 0
        ) {
          const stmts = f.body.children.find((x) => x.kind === 'Statements');
          if (!stmts || stmts.children.length === 0) ctx.report({ node: f.node, contract: c, function: f });
        }
      }
      for (const f of publicApi(c)) {
        if (!isEntryPoint(f) || f.contract !== c || !/upgrade|setImplementation|setLogic/i.test(f.name))
          continue;
        if (isAccessControlled(f)) continue;
        const changes =
          f.writes.some((w) => /impl|logic|target|master/i.test(w.variable.name)) ||
          f.calls.some((x) => /^_?upgrade|delegatecall/.test(x.name));
        if (changes) ctx.report({ node: f.node, contract: c, function: f });
      }
    }
  },
});
