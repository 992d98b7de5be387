import { defineDetector } from '../define-detector.js';
import {
  guardConditions,
  isAccessControlled,
  isEntryPoint,
  publicApi,
  targetContracts,
} from './lib/query.js';

export default defineDetector({
  id: 'unprotected-initializer',
  title: 'Unprotected initializer',
  severity: 'high',
  confidence: 'medium',
  category: 'access_control',
  description:
    'A public initialize function can be called by anyone, any number of times: there is no initializer modifier and no "already initialized" check, so an attacker can (re)initialize and take ownership.',
  recommendation:
    'Use OpenZeppelin Initializable (`initializer` modifier) and call `_disableInitializers()` in the implementation constructor.',
  detect(ctx) {
    for (const c of targetContracts(ctx.project, ['contract', 'abstract'])) {
      for (const f of publicApi(c)) {
        if (!isEntryPoint(f) || f.contract !== c || !/^_?(initiali[sz]e|init)\w*$/i.test(f.name)) continue;
        if (isAccessControlled(f) || f.writes.length === 0) continue;
        const boolGuard =
          f.body &&
          guardConditions(f.body).some((cond) =>
            f.reads.some((r) => r.node.start >= cond.start && r.node.end <= cond.end),
          );
        if (!boolGuard) ctx.report({ node: f.node, contract: c, function: f });
      }
    }
  },
});
