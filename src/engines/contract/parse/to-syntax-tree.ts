import type { SyntaxNode } from './syntax-node.js';

/** Shape of Slang's `toJson()` output. */
interface JsonNode {
  kind: string;
  text?: string;
  children?: { label: string; node: JsonNode }[];
}

const TRIVIA = new Set([
  'Whitespace',
  'EndOfLine',
  'SingleLineComment',
  'MultiLineComment',
  'SingleLineNatSpecComment',
  'MultiLineNatSpecComment',
]);
const TRIVIA_LABELS = new Set(['LeadingTrivia', 'TrailingTrivia']);

/**
 * Converts Slang's JSON tree into SyntaxNodes: drops trivia, computes offsets,
 * and collapses choice nodes (a single `Variant` child) into their variant,
 * so `Expression > Variant > FunctionCallExpression` becomes the call itself.
 */
export function toSyntaxTree(json: string): SyntaxNode {
  const root = JSON.parse(json) as JsonNode;
  let offset = 0;
  const convert = (n: JsonNode, label: string): SyntaxNode | undefined => {
    if (n.text !== undefined) {
      const start = offset;
      offset += n.text.length;
      if (TRIVIA.has(n.kind)) return undefined;
      return { kind: n.kind, label, start, end: offset, text: n.text, children: [] };
    }
    const children: SyntaxNode[] = [];
    for (const edge of n.children ?? []) {
      if (TRIVIA_LABELS.has(edge.label)) {
        offset += textLength(edge.node);
        continue;
      }
      const c = convert(edge.node, edge.label);
      if (c) children.push(c);
    }
    const only = children[0];
    if (children.length === 1 && only && only.label === 'Variant') {
      only.label = label;
      return only;
    }
    const start = children[0]?.start ?? offset;
    const end = children[children.length - 1]?.end ?? offset;
    return { kind: n.kind, label, start, end, children };
  };
  return convert(root, 'Root') ?? { kind: 'SourceUnit', label: 'Root', start: 0, end: 0, children: [] };
}

function textLength(n: JsonNode): number {
  if (n.text !== undefined) return n.text.length;
  let len = 0;
  for (const e of n.children ?? []) len += textLength(e.node);
  return len;
}
