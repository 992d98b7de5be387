import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderTokenScoringSection, SCORING_DOC } from '../../../src/engines/token/docs.js';

test('docs/scoring.md carries the generated token section (run npx tsx src/engines/token/docs.ts)', () => {
  assert.ok(readFileSync(SCORING_DOC, 'utf8').includes(renderTokenScoringSection()));
});
