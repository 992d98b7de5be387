import type { CallSite, ContractIR, FunctionIR, ProjectIR, VariableIR } from '../../ir/types.js';
import { child, findAll, type SyntaxNode, textOf, walk } from '../../parse/syntax-node.js';
import { isBelow } from '../../parse/version.js';

/** Contracts declared in target files (dependencies are analyzed but not reported). */
export function targetContracts(
  project: ProjectIR,
  kinds: ContractIR['kind'][] = ['contract', 'abstract', 'library'],
): ContractIR[] {
  return project.contracts.filter((c) => c.file.isTarget && kinds.includes(c.kind));
}

/** Functions with bodies declared in target contracts (not inherited ones). */
export function targetFunctions(project: ProjectIR): FunctionIR[] {
  return targetContracts(project).flatMap((c) => c.functions.filter((f) => f.body));
}

export function isEntryPoint(f: FunctionIR): boolean {
  return (
    (f.visibility === 'public' || f.visibility === 'external') &&
    f.kind !== 'constructor' &&
    f.kind !== 'modifier'
  );
}

export function isMutating(f: FunctionIR): boolean {
  return f.mutability !== 'view' && f.mutability !== 'pure';
}

/** All functions callable on the deployed contract, most-derived definition per signature. */
export function publicApi(c: ContractIR): FunctionIR[] {
  const seen = new Map<string, FunctionIR>();
  for (const k of c.linearization)
    for (const f of k.functions) if (!seen.has(f.signature)) seen.set(f.signature, f);
  return [...seen.values()].filter(isEntryPoint);
}

export function modifierDefs(f: FunctionIR): FunctionIR[] {
  const lin = f.contract.linearization;
  return f.modifiers
    .map((m) => lin.flatMap((c) => c.modifiers).find((d) => d.name === m.name))
    .filter((d): d is FunctionIR => !!d);
}

/** Internal callees, transitively (bounded), including modifiers. */
export function reachableFunctions(f: FunctionIR, depth = 4): FunctionIR[] {
  const out = new Set<FunctionIR>([f]);
  let frontier = [f];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: FunctionIR[] = [];
    for (const g of frontier) {
      const callees = [
        ...modifierDefs(g),
        ...g.calls
          .filter((c) => c.kind === 'internal' || c.kind === 'library')
          .flatMap((c) => c.targets.slice(0, 1)),
      ];
      for (const h of callees) {
        if (!out.has(h)) {
          out.add(h);
          next.push(h);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

const SENDER_RE = /\b(msg\.sender|_msgSender\(\)|tx\.origin)/;
const ACL_MODIFIER_RE =
  /^(only|auth|restricted|requiresAuth|isOwner|ownerOnly|admin|onlyRole|initializer|reinitializer|onlyInitializing|onlyProxy|whenPaused)/i;
const ACL_CALL_RE =
  /^(_check(Owner|Role|Admin|Authorized|Sender)|_onlyOwner|_authorizeUpgrade|_requireOwner|_checkCanCall|_validateOwner|_requireCallerIsOwner|requireAuth|_isAuthorized)/;

/** Whether a guard comparing the caller to something protects this function. */
export function isAccessControlled(f: FunctionIR): boolean {
  for (const m of f.modifiers) if (ACL_MODIFIER_RE.test(m.name)) return true;
  for (const g of reachableFunctions(f, 3)) {
    if (!g.body) continue;
    if (g.calls.some((c) => (c.kind === 'internal' || c.kind === 'builtin') && ACL_CALL_RE.test(c.name)))
      return true;
    if (g.kind === 'modifier' && SENDER_RE.test(textOf(g.body))) return true;
    for (const cond of guardConditions(g.body)) if (comparesCaller(textOf(cond))) return true;
  }
  return false;
}

/** Conditions of require/assert/if statements in a subtree. */
export function guardConditions(body: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(body, (n) => {
    if (n.kind === 'IfStatement' || n.kind === 'WhileStatement') {
      const c = child(n, 'Condition');
      if (c) out.push(c);
    } else if (n.kind === 'FunctionCallExpression') {
      const name = child(n, 'Operand')?.text;
      if (name === 'require' || name === 'assert') {
        const a = findAll(child(n, 'Arguments') ?? n, 'PositionalArguments')[0];
        if (a?.children[0]) out.push(a.children[0]);
      }
    }
  });
  return out;
}

const CALLER = String.raw`(?:msg\.sender|_msgSender\(\)|tx\.origin)`;
const CALLER_COMPARED = new RegExp(String.raw`${CALLER}\s*[!=]=|[!=]=\s*${CALLER}`);
const CALLER_ROLE_CALL = new RegExp(String.raw`\b(?:is|has|can|check|only|auth)\w*\([^()]*${CALLER}`, 'i');
const CALLER_FLAG = new RegExp(String.raw`^!?\s*\w+\[\s*${CALLER}\s*\]$`);

/** A condition that decides based on who the caller is (not how much it owns). */
export function comparesCaller(cond: string): boolean {
  return CALLER_COMPARED.test(cond) || CALLER_ROLE_CALL.test(cond) || CALLER_FLAG.test(cond.trim());
}

const GUARD_RE = /nonReentrant|noReentran|reentrancyGuard|lock|mutex|guard/i;
export function hasReentrancyGuard(f: FunctionIR): boolean {
  return f.modifiers.some((m) => GUARD_RE.test(m.name));
}

export function memberOf(node: SyntaxNode | undefined): { object: string; member: string } | undefined {
  if (node?.kind !== 'MemberAccessExpression') return undefined;
  return { object: textOf(child(node, 'Operand')), member: child(node, 'Member')?.text ?? '' };
}

/** All nodes of kinds in a function body (skipping nothing). */
export function nodesIn(f: FunctionIR, kind: string | ReadonlySet<string>): SyntaxNode[] {
  return f.body ? findAll(f.body, kind) : [];
}

/** `a.b` member expressions with the given object and member, e.g. block.timestamp. */
export function globalUses(f: FunctionIR, object: string, member: string): SyntaxNode[] {
  return nodesIn(f, 'MemberAccessExpression').filter((n) => {
    const m = memberOf(n);
    return m?.object === object && m.member === member && !f.resolve(child(n, 'Operand')!);
  });
}

export function identifierUses(f: FunctionIR, name: string): SyntaxNode[] {
  return nodesIn(f, 'Identifier').filter(
    (n) => n.text === name && n.label !== 'Name' && n.label !== 'Member' && !f.resolve(n),
  );
}

export function isExternalCall(c: CallSite): boolean {
  return (
    c.kind === 'low-level' ||
    c.kind === 'high-level' ||
    c.kind === 'eth-transfer' ||
    c.kind === 'self-external'
  );
}

/** Compiles with pre-0.8 (wrapping) arithmetic for some admitted compiler. */
export function mayWrapArithmetic(c: ContractIR): boolean {
  const min = c.file.compiler.min;
  if (!min) return isBelow(c.file.languageVersion, '0.8.0');
  return isBelow(min, '0.8.0');
}

export function usesSafeMath(c: ContractIR): boolean {
  return c.linearization.some((k) => k.usingLibraries.some((l) => /safemath|math/i.test(l)));
}

export function isAddressType(v: VariableIR | undefined): boolean {
  return !!v && v.type.kind === 'elementary' && v.type.text.startsWith('address');
}

export function enclosingStatementText(node: SyntaxNode): string {
  let p: SyntaxNode | undefined = node;
  while (p?.parent && p.parent.kind !== 'Statements') p = p.parent;
  return textOf(p);
}

/** Whether the call's result is used (assigned, checked, returned, passed on). */
export function resultIsUsed(call: SyntaxNode): boolean {
  let n = call;
  for (;;) {
    const p = n.parent;
    if (!p) return false;
    if (p.kind === 'ExpressionStatement') return false;
    if (p.kind === 'TupleValue' || p.kind === 'TupleValues' || p.kind === 'TupleExpression') {
      n = p;
      continue;
    }
    return true;
  }
}

export function functionLabel(f: FunctionIR): string {
  return `${f.contract.name}.${f.name}`;
}
