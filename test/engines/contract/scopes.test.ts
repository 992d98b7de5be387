// Two contracts of the same name in one project (a protocol's v1/ and v2/, or two copies of a library):
// each reference resolves through its file's imports, as solc does, not to whichever was seen first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSources } from '../../../src/engines/contract/index.js';
import { buildProject } from '../../../src/engines/contract/ir/build.js';
import { parseSource } from '../../../src/engines/contract/parse/parse-file.js';
import { bundleFiles } from '../../../src/engines/contract/project/load-bundle.js';

const HEADER = '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n';

const GUARDS = {
  // v1 shipped without a caller check; v2 fixed it. Both are called Guard.
  'v1/Guard.sol': `${HEADER}contract Guard {\n    address internal admin;\n    function _guard() internal view {}\n}\n`,
  'v2/Guard.sol': `${HEADER}contract Guard {\n    address internal admin;\n    function _guard() internal view {\n        require(msg.sender == admin, "not admin");\n    }\n}\n`,
  'v1/Kill.sol': `${HEADER}import "./Guard.sol";\ncontract KillV1 is Guard {\n    function kill() external {\n        _guard();\n        selfdestruct(payable(msg.sender));\n    }\n}\n`,
  'v2/Kill.sol': `${HEADER}import {Guard as FixedGuard} from "./Guard.sol";\ncontract KillV2 is FixedGuard {\n    function kill() external {\n        _guard();\n        selfdestruct(payable(msg.sender));\n    }\n}\n`,
  // Sees FixedGuard only through a plain import of v2/Kill.sol.
  'v2/Pool.sol': `${HEADER}import "./Kill.sol";\ncontract PoolV2 is FixedGuard {}\n`,
};

function project(files: Record<string, string>) {
  return buildProject(
    bundleFiles(files).map((f) => ({
      parsed: parseSource(f.path, f.source),
      source: f.source,
      isTarget: true,
      ...(f.imports ? { imports: f.imports } : {}),
    })),
  );
}

const reversed = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).reverse());

describe('contract name scopes', () => {
  for (const [order, files] of [
    ['v1 first', GUARDS],
    ['v2 first', reversed(GUARDS)],
  ] as const) {
    it(`bases resolve through each file's imports, aliases and plain re-imports (${order})`, () => {
      const p = project(files);
      const baseFile = (name: string) => {
        const c = p.contracts.find((x) => x.name === name);
        assert.ok(c, name);
        return c.linearization.slice(1).map((b) => `${b.file.path}:${b.name}`);
      };
      assert.deepEqual(baseFile('KillV1'), ['v1/Guard.sol:Guard']);
      assert.deepEqual(baseFile('KillV2'), ['v2/Guard.sol:Guard']);
      assert.deepEqual(baseFile('PoolV2'), ['v2/Guard.sol:Guard']);
    });

    it(`only the unguarded v1 selfdestruct is reported (${order})`, async () => {
      const r = await analyzeSources({ files }, { enabled: ['unprotected-selfdestruct'] });
      assert.deepEqual(
        r.findings.map((f) => `${f.file}:${f.contract}`),
        ['v1/Kill.sol:KillV1'],
      );
    });
  }
});
