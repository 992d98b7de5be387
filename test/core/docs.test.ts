import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { renderErrorsDoc } from '../../scripts/gen-docs.js';
import { ERROR_CATALOG } from '../../src/core/errors.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('generated docs', () => {
  it('docs/errors.md is up to date with the error catalog (run `npm run docs`)', () => {
    const doc = readFileSync(path.join(root, 'docs', 'errors.md'), 'utf8');
    assert.equal(doc, renderErrorsDoc());
    for (const code of Object.keys(ERROR_CATALOG)) assert.ok(doc.includes(`\`${code}\``), code);
  });
});
