import { child, items, type SyntaxNode } from '../parse/syntax-node.js';

export interface CfgNode {
  id: number;
  /** The statement (or loop header / condition owner); undefined for entry/exit. */
  statement: SyntaxNode | undefined;
  kind: 'entry' | 'exit' | 'statement' | 'branch' | 'loop' | 'join';
  succ: number[];
}

/** Statement-level control-flow graph of one function body. */
export class Cfg {
  readonly nodes: CfgNode[] = [];
  readonly byStatement = new Map<SyntaxNode, number>();
  readonly entry: number;
  readonly exit: number;

  constructor(body: SyntaxNode | undefined) {
    this.entry = this.add('entry', undefined);
    this.exit = this.add('exit', undefined);
    const ends = body ? this.block(body, [this.entry], { brk: [], cont: [] }) : [this.entry];
    for (const e of ends) this.edge(e, this.exit);
  }

  /** Nodes reachable from the statement's node, excluding itself unless on a cycle. */
  reachableAfter(statement: SyntaxNode): Set<SyntaxNode> {
    const out = new Set<SyntaxNode>();
    const start = this.byStatement.get(statement);
    if (start === undefined) return out;
    const seen = new Set<number>();
    const stack = [...this.nodes[start]!.succ];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const n = this.nodes[id]!;
      if (n.statement) out.add(n.statement);
      stack.push(...n.succ);
    }
    return out;
  }

  /** Whether any path from `a` reaches `b`. */
  reaches(a: SyntaxNode, b: SyntaxNode): boolean {
    return this.reachableAfter(a).has(b);
  }

  private add(kind: CfgNode['kind'], statement: SyntaxNode | undefined): number {
    const id = this.nodes.length;
    this.nodes.push({ id, statement, kind, succ: [] });
    if (statement) this.byStatement.set(statement, id);
    return id;
  }

  private edge(from: number, to: number): void {
    const n = this.nodes[from]!;
    if (!n.succ.includes(to)) n.succ.push(to);
  }

  private link(preds: number[], to: number): void {
    for (const p of preds) this.edge(p, to);
  }

  /** Returns the nodes that fall through to whatever follows. */
  private block(block: SyntaxNode, preds: number[], loop: { brk: number[]; cont: number[] }): number[] {
    let cur = preds;
    for (const s of items(child(block, 'Statements'))) cur = this.stmt(s, cur, loop);
    return cur;
  }

  private stmt(s: SyntaxNode, preds: number[], loop: { brk: number[]; cont: number[] }): number[] {
    switch (s.kind) {
      case 'Block':
        return this.block(s, preds, loop);
      case 'UncheckedBlock': {
        const b = child(s, 'Block');
        return b ? this.block(b, preds, loop) : preds;
      }
      case 'IfStatement': {
        const id = this.add('branch', s);
        this.link(preds, id);
        const thenEnds = this.sub(child(s, 'Body'), [id], loop);
        const elseBody = child(child(s, 'ElseBranch'), 'Body');
        const elseEnds = elseBody ? this.sub(elseBody, [id], loop) : [id];
        return [...thenEnds, ...elseEnds];
      }
      case 'ForStatement': {
        const init = child(s, 'Initialization');
        let cur = preds;
        if (init && init.kind !== 'Semicolon') {
          const i = this.add('statement', init);
          this.link(cur, i);
          cur = [i];
        }
        const head = this.add('loop', s);
        this.link(cur, head);
        const inner = { brk: [] as number[], cont: [] as number[] };
        const bodyEnds = this.sub(child(s, 'Body'), [head], inner);
        this.link([...bodyEnds, ...inner.cont], head);
        return [head, ...inner.brk];
      }
      case 'WhileStatement': {
        const head = this.add('loop', s);
        this.link(preds, head);
        const inner = { brk: [] as number[], cont: [] as number[] };
        const bodyEnds = this.sub(child(s, 'Body'), [head], inner);
        this.link([...bodyEnds, ...inner.cont], head);
        return [head, ...inner.brk];
      }
      case 'DoWhileStatement': {
        const head = this.add('loop', s);
        const inner = { brk: [] as number[], cont: [] as number[] };
        const bodyStart = this.nodes.length;
        const bodyEnds = this.sub(child(s, 'Body'), preds, inner);
        this.link([...bodyEnds, ...inner.cont], head);
        if (bodyStart < this.nodes.length) this.edge(head, bodyStart);
        return [head, ...inner.brk];
      }
      case 'TryStatement': {
        const id = this.add('branch', s);
        this.link(preds, id);
        const ends = this.sub(child(s, 'Body'), [id], loop);
        for (const c of items(child(s, 'CatchClauses'))) ends.push(...this.sub(child(c, 'Body'), [id], loop));
        return ends;
      }
      case 'ReturnStatement':
      case 'RevertStatement':
      case 'ThrowStatement': {
        const id = this.add('statement', s);
        this.link(preds, id);
        this.edge(id, this.exit);
        return [];
      }
      case 'BreakStatement': {
        const id = this.add('statement', s);
        this.link(preds, id);
        loop.brk.push(id);
        return [];
      }
      case 'ContinueStatement': {
        const id = this.add('statement', s);
        this.link(preds, id);
        loop.cont.push(id);
        return [];
      }
      default: {
        const id = this.add('statement', s);
        this.link(preds, id);
        return [id];
      }
    }
  }

  private sub(s: SyntaxNode | undefined, preds: number[], loop: { brk: number[]; cont: number[] }): number[] {
    return s ? this.stmt(s, preds, loop) : preds;
  }
}
