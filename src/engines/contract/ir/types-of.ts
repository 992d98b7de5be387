import { type SyntaxNode, textOf } from '../parse/syntax-node.js';
import type { TypeInfo } from './types.js';

/** Normalizes `uint`/`int`/`byte` aliases so type texts compare equal. */
export function normalizeTypeText(text: string): string {
  return text
    .replace(/\buint\b/g, 'uint256')
    .replace(/\bint\b/g, 'int256')
    .replace(/\bbyte\b/g, 'bytes1')
    .replace(/\baddress payable\b/g, 'address');
}

export function typeInfo(node: SyntaxNode | undefined): TypeInfo {
  if (!node) return { text: 'var', kind: 'elementary', node };
  const text = normalizeTypeText(textOf(node));
  switch (node.kind) {
    case 'MappingType':
      return { text, kind: 'mapping', node };
    case 'ArrayTypeName':
      return { text, kind: 'array', node };
    case 'IdentifierPath':
      return { text, kind: 'user', node };
    case 'FunctionType':
      return { text, kind: 'function', node };
    default:
      return { text, kind: 'elementary', node };
  }
}

/** Last identifier of a (possibly qualified) path like `Lib.Struct`. */
export function lastName(node: SyntaxNode | undefined): string {
  const t = textOf(node);
  const i = t.lastIndexOf('.');
  return i >= 0 ? t.slice(i + 1) : t;
}
