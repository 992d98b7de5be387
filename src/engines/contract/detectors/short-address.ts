import { defineDetector } from '../define-detector.js';
import { textOf } from '../parse/syntax-node.js';
import { isBelow } from '../parse/version.js';
import { isAddressType, isEntryPoint, targetFunctions } from './lib/query.js';

export default defineDetector({
  id: 'short-address',
  title: 'Short address attack',
  severity: 'medium',
  confidence: 'low',
  category: 'short_addresses',
  description:
    'Compilers before 0.5.0 do not reject calldata shorter than the ABI requires. A transfer(address,uint256) called with a truncated address gets its amount shifted left (multiplied by 256^n).',
  recommendation:
    'Compile with Solidity ≥0.5.0, or check `msg.data.length` in token-moving functions taking an address and an amount.',
  references: ['https://blog.golemproject.net/how-to-find-10m-by-just-reading-blockchain-6ae9d39fcd95'],
  detect(ctx) {
    for (const f of targetFunctions(ctx.project)) {
      if (!isEntryPoint(f) || f.params.length < 2) continue;
      const c = f.contract;
      if (!isBelow(c.file.compiler.min ?? c.file.languageVersion, '0.5.0')) continue;
      const [first, ...rest] = f.params;
      if (!isAddressType(first) || !rest.some((p) => /^uint/.test(p.type.text))) continue;
      if (f.writes.length === 0 && !f.calls.some((x) => x.kind === 'eth-transfer')) continue;
      if (
        /msg\.data\.length/.test(textOf(f.body)) ||
        f.modifiers.some((m) => /payloadsize|size/i.test(m.name))
      )
        continue;
      ctx.report({ node: f.node, contract: c, function: f });
    }
  },
});
