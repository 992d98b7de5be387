import { defineDetector } from '../define-detector.js';
import { findAll } from '../parse/syntax-node.js';

export default defineDetector({
  id: 'floating-pragma',
  title: 'Floating pragma',
  severity: 'informational',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-103',
  description:
    'The version pragma admits a range of compilers; the contract may be deployed with a different compiler than the one it was tested with.',
  recommendation:
    'Pin the compiler version in deployable contracts (pragma solidity 0.8.24;). Libraries meant for reuse may keep a range.',
  detect(ctx) {
    for (const file of ctx.project.files) {
      if (!file.isTarget) continue;
      const contract = file.contracts.find((c) => c.kind !== 'interface') ?? file.contracts[0];
      if (!contract) continue;
      for (const p of findAll(file.tree, 'VersionPragma')) {
        const text = file.source.slice(p.start, p.end);
        if (/[\^~<>]|\|\||\bx\b|\*/.test(text.replace(/^solidity/, '')))
          ctx.report({ node: p, contract, message: `floating pragma ${text}` });
      }
    }
  },
});
