import { child, type SyntaxNode } from '../parse/syntax-node.js';
import type { ContractIR, SourceFileIR } from './types.js';

/** One `import` directive: `all` for `import "x"`, `symbols` for `import {A, B as C} from "x"`. */
export interface ImportClause {
  path: string;
  kind: 'all' | 'namespace' | 'symbols';
  symbols: { name: string; alias: string }[];
}

const PATH_KINDS = new Set(['StringLiteral', 'DoubleQuotedStringLiteral', 'SingleQuotedStringLiteral']);

function pathOf(clause: SyntaxNode): string | undefined {
  const lit = clause.children.find((c) => PATH_KINDS.has(c.kind) || c.label === 'Path');
  const text = lit?.text ?? lit?.children.find((c) => PATH_KINDS.has(c.kind))?.text;
  return text ? text.slice(1, -1) : undefined;
}

function identifierIn(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'Identifier') return node.text;
  return node.children.find((c) => c.kind === 'Identifier')?.text;
}

/** Reads an `ImportDirective` node; undefined for shapes without a path. */
export function importClause(directive: SyntaxNode): ImportClause | undefined {
  const clause = child(directive, 'Clause');
  if (!clause) return undefined;
  const path = pathOf(clause);
  if (path === undefined) return undefined;
  if (clause.kind === 'ImportDeconstruction') {
    const symbols = (child(clause, 'Symbols')?.children ?? [])
      .filter((s) => s.kind === 'ImportDeconstructionSymbol')
      .flatMap((s) => {
        const name = child(s, 'Name')?.text;
        if (!name) return [];
        return [{ name, alias: identifierIn(child(s, 'Alias')) ?? name }];
      });
    return { path, kind: 'symbols', symbols };
  }
  // `import "x" as X` and `import * as X from "x"` put x's names under X, not in this file's scope.
  const aliased = child(clause, 'Alias') !== undefined || clause.kind === 'NamedImport';
  return { path, kind: aliased ? 'namespace' : 'all', symbols: [] };
}

/**
 * The contract names each file can see, as solc resolves them: its own contracts, everything a plain
 * `import "x"` brings in (transitively: x's own and x's imports), and the symbols of
 * `import {A as B} from "x"` under their alias. A name a file cannot see (an unresolved import, a
 * namespace access) falls back to the project-wide map, so projects with two contracts of the same
 * name (two versions of a library, v1/ and v2/ of a protocol) resolve each reference to the right one.
 */
export function contractScopes(
  files: readonly SourceFileIR[],
  clauses: ReadonlyMap<SourceFileIR, ImportClause[]>,
  resolved: ReadonlyMap<SourceFileIR, Readonly<Record<string, string>>>,
  global: ReadonlyMap<string, ContractIR>,
): (file: SourceFileIR) => Map<string, ContractIR> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const exported = new Map<SourceFileIR, Map<string, ContractIR>>();
  const visible = (file: SourceFileIR): Map<string, ContractIR> => {
    const known = exported.get(file);
    if (known) return known;
    const scope = new Map<string, ContractIR>();
    // Registered before the imports are followed: an import cycle sees the part built so far.
    exported.set(file, scope);
    for (const c of file.contracts) scope.set(c.name, c);
    for (const clause of clauses.get(file) ?? []) {
      const targetPath = resolved.get(file)?.[clause.path];
      const target = targetPath === undefined ? undefined : byPath.get(targetPath);
      if (!target || clause.kind === 'namespace') continue;
      const theirs = visible(target);
      if (clause.kind === 'all') {
        for (const [name, c] of theirs) if (!scope.has(name)) scope.set(name, c);
      } else {
        for (const { name, alias } of clause.symbols) {
          const c = theirs.get(name);
          if (c) scope.set(alias, c);
        }
      }
    }
    return scope;
  };
  const merged = new Map<SourceFileIR, Map<string, ContractIR>>();
  return (file) => {
    let scope = merged.get(file);
    if (!scope) {
      scope = new Map([...global, ...visible(file)]);
      merged.set(file, scope);
    }
    return scope;
  };
}
