/**
 * A plain-JS copy of Slang's concrete syntax tree, without trivia. Crossing the
 * WASM boundary per node is slow, so each file's tree is exported once
 * (`toJson`) and every later walk runs on these objects. They are also
 * structured-clone friendly, which lets worker threads hand them back.
 */
export interface SyntaxNode {
  kind: string;
  /** Edge label from the parent (e.g. `Name`, `Operand`, `Body`). */
  label: string;
  /** UTF-16 offsets into the file text, trivia excluded. */
  start: number;
  end: number;
  /** Set on terminals only. */
  text?: string;
  children: SyntaxNode[];
  parent?: SyntaxNode;
}

export function linkParents(node: SyntaxNode): void {
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (const c of n.children) {
      c.parent = n;
      stack.push(c);
    }
  }
}

export function child(node: SyntaxNode | undefined, label: string): SyntaxNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.label === label) return c;
  return undefined;
}

export function childrenWith(node: SyntaxNode | undefined, label: string): SyntaxNode[] {
  return node ? node.children.filter((c) => c.label === label) : [];
}

/** List items of a separated/repeated list node (labels `Item`). */
export function items(node: SyntaxNode | undefined): SyntaxNode[] {
  return childrenWith(node, 'Item');
}

export function hasChildKind(node: SyntaxNode | undefined, kind: string): boolean {
  return !!node && node.children.some((c) => c.kind === kind);
}

/** Pre-order walk; return `false` from the visitor to skip a subtree. */
// Visitors return false to skip a subtree; plain void visitors are the common case.
// biome-ignore lint/suspicious/noConfusingVoidType: callbacks may return nothing
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | undefined | void): void {
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

export function findAll(node: SyntaxNode, kind: string | ReadonlySet<string>): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(node, (n) => {
    if (typeof kind === 'string' ? n.kind === kind : kind.has(n.kind)) out.push(n);
  });
  return out;
}

export function findFirst(node: SyntaxNode, kind: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === kind) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

export function ancestor(node: SyntaxNode, kind: string | ReadonlySet<string>): SyntaxNode | undefined {
  let p = node.parent;
  while (p) {
    if (typeof kind === 'string' ? p.kind === kind : kind.has(p.kind)) return p;
    p = p.parent;
  }
  return undefined;
}

/** Source text of a node with whitespace collapsed (comments are already gone). */
export function textOf(node: SyntaxNode | undefined): string {
  if (!node) return '';
  if (node.text !== undefined) return node.text;
  const parts: string[] = [];
  walk(node, (n) => {
    if (n.text !== undefined) parts.push(n.text);
  });
  return joinTokens(parts);
}

const WORDY = /^[A-Za-z0-9_$]/;
const WORDY_END = /[A-Za-z0-9_$]$/;
function joinTokens(parts: string[]): string {
  let s = '';
  for (const p of parts) {
    if (s && WORDY_END.test(s) && WORDY.test(p)) s += ' ';
    s += p;
  }
  return s;
}

/** Identifier name under a node labelled `Name` (or the node itself when a terminal). */
export function nameOf(node: SyntaxNode | undefined): string | undefined {
  const n = child(node, 'Name');
  return n?.text;
}
