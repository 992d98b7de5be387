import { defineDetector } from '../define-detector.js';

export default defineDetector({
  id: 'rtlo-character',
  title: 'Right-to-left override character',
  severity: 'high',
  confidence: 'high',
  category: 'other',
  swc: 'SWC-130',
  description:
    'The source contains U+202E (right-to-left override), which renders code differently from how it compiles and can hide malicious logic from reviewers.',
  recommendation: 'Remove bidirectional control characters from the source.',
  detect(ctx) {
    for (const file of ctx.project.files) {
      const contract = file.contracts[0];
      if (!file.isTarget || !contract) continue;
      for (let i = file.source.indexOf('\u202e'); i >= 0; i = file.source.indexOf('\u202e', i + 1)) {
        ctx.report({ node: { kind: 'RTLO', label: '', start: i, end: i + 1, children: [] }, contract });
      }
    }
  },
});
