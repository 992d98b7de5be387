import { LineIndex } from '../parse/line-index.js';
import type { ParsedTree } from '../parse/parse-file.js';
import {
  child,
  findAll,
  items,
  linkParents,
  nameOf,
  type SyntaxNode,
  textOf,
  walk,
} from '../parse/syntax-node.js';
import { compilerRange, isBelow } from '../parse/version.js';
import { ARRAY_MEMBERS, BUILTIN_FUNCTIONS, BUILTIN_OBJECTS, LOW_LEVEL_MEMBERS } from './builtins.js';
import { Cfg } from './cfg.js';
import { linearize } from './linearize.js';
import { contractScopes, type ImportClause, importClause } from './scopes.js';
import type {
  CallSite,
  ContractIR,
  ContractKind,
  FunctionIR,
  FunctionKind,
  Mutability,
  ProjectIR,
  SourceFileIR,
  StateAccess,
  VariableIR,
  Visibility,
} from './types.js';
import { lastName, typeInfo } from './types-of.js';

export interface BuildInput {
  parsed: ParsedTree;
  source: string;
  isTarget: boolean;
  /** Import path literal → the `path` of the input it resolved to (from the project loader). */
  imports?: Readonly<Record<string, string>>;
}

const CONTRACT_KINDS: Record<string, ContractKind> = {
  ContractDefinition: 'contract',
  InterfaceDefinition: 'interface',
  LibraryDefinition: 'library',
};

/** Builds the project-wide IR once; every detector reads it. */
export function buildProject(inputs: BuildInput[]): ProjectIR {
  const files: SourceFileIR[] = [];
  const contracts: ContractIR[] = [];
  const clauses = new Map<SourceFileIR, ImportClause[]>();
  const resolved = new Map<SourceFileIR, Readonly<Record<string, string>>>();
  for (const { parsed, source, isTarget, imports } of inputs) {
    linkParents(parsed.tree);
    const file: SourceFileIR = {
      path: parsed.path,
      source,
      lines: new LineIndex(source),
      tree: parsed.tree,
      languageVersion: parsed.languageVersion,
      compiler: compilerRange(source),
      imports: [],
      contracts: [],
      isTarget,
    };
    const fileClauses: ImportClause[] = [];
    clauses.set(file, fileClauses);
    for (const m of items(child(parsed.tree, 'Members'))) {
      if (m.kind === 'ImportDirective') {
        const clause = importClause(m);
        if (clause) {
          file.imports.push(clause.path);
          fileClauses.push(clause);
        }
      }
      const kind = CONTRACT_KINDS[m.kind];
      if (!kind) continue;
      const c = declareContract(m, kind, file);
      file.contracts.push(c);
      contracts.push(c);
    }
    if (imports) resolved.set(file, imports);
    files.push(file);
  }
  const byName = new Map<string, ContractIR>();
  // Project-wide fallback: target files win name clashes so a project's own contract shadows a dependency's.
  for (const c of contracts) if (!byName.has(c.name) || c.file.isTarget) byName.set(c.name, c);
  const scopeOf = contractScopes(files, clauses, resolved, byName);
  for (const c of contracts) c.linearization = linearize(c, (base) => scopeOf(base.file));
  for (const c of contracts) {
    const scope = scopeOf(c.file);
    for (const f of [...c.functions, ...c.modifiers]) analyzeFunction(f, scope);
  }
  return { files, contracts, contractsByName: byName };
}

function declareContract(node: SyntaxNode, declared: ContractKind, file: SourceFileIR): ContractIR {
  const isAbstract = node.children.some((c) => c.kind === 'AbstractKeyword');
  const c: ContractIR = {
    name: nameOf(node) ?? '<unnamed>',
    kind: isAbstract ? 'abstract' : declared,
    node,
    file,
    baseNames: [],
    linearization: [],
    stateVars: [],
    functions: [],
    modifiers: [],
    events: [],
    structs: [],
    usingLibraries: [],
  };
  for (const spec of findAll(
    child(node, 'Specifiers') ?? child(node, 'Inheritance') ?? node,
    'InheritanceType',
  )) {
    c.baseNames.push(lastName(child(spec, 'TypeName')));
  }
  for (const m of items(child(node, 'Members'))) {
    switch (m.kind) {
      case 'StateVariableDefinition':
        c.stateVars.push(stateVariable(m, c));
        break;
      case 'FunctionDefinition':
      case 'ConstructorDefinition':
      case 'UnnamedFunctionDefinition':
      case 'FallbackFunctionDefinition':
      case 'ReceiveFunctionDefinition':
      case 'ModifierDefinition': {
        const f = declareFunction(m, c);
        if (f.kind === 'modifier') c.modifiers.push(f);
        else c.functions.push(f);
        break;
      }
      case 'EventDefinition':
        c.events.push(nameOf(m) ?? '');
        break;
      case 'StructDefinition':
        c.structs.push(nameOf(m) ?? '');
        break;
      case 'UsingDirective':
        c.usingLibraries.push(lastName(child(m, 'Clause')));
        break;
    }
  }
  return c;
}

function stateVariable(node: SyntaxNode, contract: ContractIR): VariableIR {
  const attrs = items(child(node, 'Attributes')).map((a) => a.kind);
  const visibility: Visibility = attrs.includes('PublicKeyword')
    ? 'public'
    : attrs.includes('PrivateKeyword')
      ? 'private'
      : 'internal';
  const value = child(child(node, 'Value'), 'Value');
  return {
    name: nameOf(node) ?? '',
    type: typeInfo(child(node, 'TypeName')),
    node,
    scope: 'state',
    visibility,
    constant: attrs.includes('ConstantKeyword'),
    immutable: attrs.includes('ImmutableKeyword'),
    ...(value ? { initializer: value } : {}),
    contract,
  };
}

const KIND_BY_NODE: Record<string, FunctionKind> = {
  FunctionDefinition: 'function',
  ConstructorDefinition: 'constructor',
  UnnamedFunctionDefinition: 'fallback',
  FallbackFunctionDefinition: 'fallback',
  ReceiveFunctionDefinition: 'receive',
  ModifierDefinition: 'modifier',
};

function declareFunction(node: SyntaxNode, contract: ContractIR): FunctionIR {
  let kind = KIND_BY_NODE[node.kind] ?? 'function';
  const nameNode = child(node, 'Name');
  let name = nameNode?.text ?? (kind === 'function' ? textOf(nameNode) : kind);
  if (kind === 'function' && (nameNode?.kind === 'FallbackKeyword' || nameNode?.kind === 'ReceiveKeyword')) {
    kind = nameNode.kind === 'FallbackKeyword' ? 'fallback' : 'receive';
  }
  // Before 0.5, a function named like its contract is the constructor.
  if (
    kind === 'function' &&
    name === contract.name &&
    isBelow(contract.file.compiler.min ?? '0.4.0', '0.5.0')
  ) {
    kind = 'constructor';
  }
  if (!name) name = kind;
  const attrs = items(child(node, 'Attributes'));
  const kinds = new Set(attrs.map((a) => a.kind));
  const visibility: Visibility = kinds.has('ExternalKeyword')
    ? 'external'
    : kinds.has('InternalKeyword')
      ? 'internal'
      : kinds.has('PrivateKeyword')
        ? 'private'
        : kind === 'modifier'
          ? 'internal'
          : 'public';
  const mutability: Mutability = kinds.has('PureKeyword')
    ? 'pure'
    : kinds.has('ViewKeyword') || kinds.has('ConstantKeyword')
      ? 'view'
      : kinds.has('PayableKeyword')
        ? 'payable'
        : 'nonpayable';
  const modifiers = attrs
    .filter((a) => a.kind === 'ModifierInvocation')
    .map((a) => ({
      name: lastName(child(a, 'Name')),
      node: a,
      args: items(child(child(a, 'Arguments'), 'Arguments')),
    }));
  const f: FunctionIR = {
    name,
    kind,
    node,
    contract,
    visibility,
    mutability,
    isVirtual: kinds.has('VirtualKeyword'),
    isOverride: kinds.has('OverrideSpecifier'),
    modifiers,
    params: [],
    returns: [],
    locals: [],
    body: child(node, 'Body')?.kind === 'Block' ? child(node, 'Body') : undefined,
    signature: '',
    reads: [],
    writes: [],
    calls: [],
    cfg: undefined as unknown as Cfg,
    resolve: () => undefined,
  };
  f.params = items(child(child(node, 'Parameters'), 'Parameters')).map((p) => variable(p, 'param', contract));
  f.returns = items(child(child(child(node, 'Returns'), 'Variables'), 'Parameters')).map((p) =>
    variable(p, 'return', contract),
  );
  f.signature = `${name}(${f.params.map((p) => p.type.text).join(',')})`;
  f.cfg = new Cfg(f.body);
  return f;
}

function variable(node: SyntaxNode, scope: VariableIR['scope'], contract: ContractIR): VariableIR {
  const typeNode = child(node, 'TypeName') ?? child(node, 'VariableType');
  const loc = child(node, 'StorageLocation');
  return {
    name: nameOf(node) ?? '',
    type: typeInfo(typeNode?.kind === 'VarKeyword' ? undefined : typeNode),
    node,
    ...(loc ? { location: textOf(loc) } : {}),
    scope,
    contract,
  };
}

const LOCAL_DECLS = new Set(['VariableDeclarationStatement', 'TypedTupleMember', 'UntypedTupleMember']);
const PARAM_DECLS = new Set(['Parameter']);

/** Fills locals, resolution, reads/writes and call sites of one function or modifier. */
function analyzeFunction(f: FunctionIR, byName: Map<string, ContractIR>): void {
  const contract = f.contract;
  if (!f.body) return;
  walk(f.body, (n) => {
    if (LOCAL_DECLS.has(n.kind)) {
      const v = variable(n, 'local', contract);
      if (n.kind === 'VariableDeclarationStatement') {
        const init = child(child(n, 'Value'), 'Expression');
        if (init) v.initializer = init;
      }
      if (v.name) f.locals.push(v);
    } else if (PARAM_DECLS.has(n.kind)) {
      const v = variable(n, 'local', contract);
      if (v.name) f.locals.push(v);
    }
  });
  const scope = new Map<string, VariableIR>();
  for (const c of [...contract.linearization].reverse()) for (const v of c.stateVars) scope.set(v.name, v);
  for (const v of [...f.params, ...f.returns, ...f.locals]) scope.set(v.name, v);
  // Storage pointers alias the state variable they are initialized from.
  const aliases = new Map<VariableIR, VariableIR>();
  for (const v of f.locals) {
    if (v.location === 'storage' && v.initializer) {
      const base = baseIdentifier(v.initializer);
      const target = base?.text ? scope.get(base.text) : undefined;
      if (target?.scope === 'state') aliases.set(v, target);
    }
  }
  const resolved = new Map<SyntaxNode, VariableIR>();
  f.resolve = (id) => resolved.get(id);
  const statementOf = (n: SyntaxNode): SyntaxNode | undefined => {
    let p: SyntaxNode | undefined = n;
    while (p && !f.cfg.byStatement.has(p)) p = p.parent;
    return p;
  };
  const lvalueBases = new Map<SyntaxNode, 'assign' | 'update'>();
  walk(f.body, (n) => {
    if (n.kind === 'AssignmentExpression') {
      const op = child(n, 'Operator')?.text;
      for (const b of lvalueIdentifiers(child(n, 'LeftOperand')))
        lvalueBases.set(b, op === '=' ? 'assign' : 'update');
    } else if (
      (n.kind === 'PostfixExpression' || n.kind === 'PrefixExpression') &&
      /^(\+\+|--|delete)$/.test(child(n, 'Operator')?.text ?? '')
    ) {
      for (const b of lvalueIdentifiers(child(n, 'Operand'))) lvalueBases.set(b, 'update');
    } else if (n.kind === 'FunctionCallExpression') {
      const op = child(n, 'Operand');
      if (op?.kind === 'MemberAccessExpression' && ARRAY_MEMBERS.has(child(op, 'Member')?.text ?? '')) {
        for (const b of lvalueIdentifiers(child(op, 'Operand'))) lvalueBases.set(b, 'update');
      }
    }
  });
  walk(f.body, (n) => {
    if (n.kind.startsWith('Yul')) return false;
    if (
      n.kind === 'Identifier' &&
      n.label !== 'Name' &&
      n.label !== 'Member' &&
      n.parent?.kind !== 'IdentifierPath'
    ) {
      const v = scope.get(n.text ?? '');
      if (!v) return;
      resolved.set(n, v);
      const target = v.scope === 'state' ? v : aliases.get(v);
      if (!target) return;
      const access: StateAccess = { variable: target, node: n, statement: statementOf(n) };
      const lv = lvalueBases.get(n);
      if (lv) f.writes.push(access);
      if (lv !== 'assign') f.reads.push(access);
    }
    if (n.kind === 'FunctionCallExpression') f.calls.push(classifyCall(n, f, scope, byName, statementOf(n)));
  });
}

/** Identifiers whose storage an lvalue writes: `a`, `a[i]`, `a.b`, `(a, b)`. */
function lvalueIdentifiers(node: SyntaxNode | undefined): SyntaxNode[] {
  if (!node) return [];
  if (node.kind === 'TupleExpression')
    return findAll(node, 'TupleValue').flatMap((t) => lvalueIdentifiers(child(t, 'Expression')));
  const b = baseIdentifier(node);
  return b ? [b] : [];
}

export function baseIdentifier(node: SyntaxNode | undefined): SyntaxNode | undefined {
  let n = node;
  while (n) {
    if (n.kind === 'Identifier') return n;
    if (n.kind === 'IndexAccessExpression' || n.kind === 'MemberAccessExpression') n = child(n, 'Operand');
    else if (n.kind === 'TupleExpression') {
      const vals = findAll(n, 'TupleValue');
      if (vals.length !== 1) return undefined;
      n = child(vals[0], 'Expression');
    } else return undefined;
  }
  return undefined;
}

export function callArgs(call: SyntaxNode): SyntaxNode[] {
  const args = child(call, 'Arguments');
  if (!args) return [];
  const inner = child(args, 'Arguments');
  if (args.kind === 'NamedArgumentsDeclaration')
    return findAll(args, 'NamedArgument').map((a) => child(a, 'Value')!);
  return items(inner);
}

function classifyCall(
  node: SyntaxNode,
  f: FunctionIR,
  scope: Map<string, VariableIR>,
  byName: Map<string, ContractIR>,
  statement: SyntaxNode | undefined,
): CallSite {
  const site: CallSite = { node, kind: 'builtin', name: '', args: callArgs(node), statement, targets: [] };
  let op = child(node, 'Operand');
  // `{value: v}` call options and legacy `.value(v)` / `.gas(g)` wrappers.
  for (;;) {
    if (op?.kind === 'CallOptionsExpression') {
      for (const opt of findAll(child(op, 'Options') ?? op, 'NamedArgument')) {
        if (child(opt, 'Name')?.text === 'value') site.value = child(opt, 'Value');
      }
      op = child(op, 'Operand');
    } else if (
      op?.kind === 'FunctionCallExpression' &&
      child(op, 'Operand')?.kind === 'MemberAccessExpression' &&
      /^(value|gas)$/.test(child(child(op, 'Operand'), 'Member')?.text ?? '')
    ) {
      const inner = child(op, 'Operand')!;
      if (child(inner, 'Member')?.text === 'value') site.value = callArgs(op)[0];
      op = child(inner, 'Operand');
    } else break;
  }
  const contract = f.contract;
  const lin = contract.linearization.length ? contract.linearization : [contract];
  const functionsNamed = (name: string, from: ContractIR[]): FunctionIR[] =>
    from.flatMap((c) => c.functions.filter((x) => x.name === name));
  if (!op) return site;
  if (op.kind === 'Identifier') {
    const name = op.text ?? '';
    site.name = name;
    const local = scope.get(name);
    if (BUILTIN_FUNCTIONS.has(name) && !local) site.kind = 'builtin';
    else if (byName.has(name)) site.kind = 'conversion';
    else if (lin.some((c) => c.structs.includes(name))) site.kind = 'struct';
    else if (lin.some((c) => c.events.includes(name))) site.kind = 'event';
    else {
      site.kind = 'internal';
      site.targets = functionsNamed(name, lin);
    }
    return site;
  }
  if (op.kind === 'NewExpression') {
    site.kind = 'new';
    site.name = textOf(child(op, 'TypeName'));
    return site;
  }
  if (op.kind !== 'MemberAccessExpression') {
    site.kind =
      op.kind === 'ElementaryType' || op.kind.endsWith('Keyword') || op.kind === 'AddressType'
        ? 'conversion'
        : 'builtin';
    site.name = textOf(op);
    return site;
  }
  const member = child(op, 'Member')?.text ?? '';
  const receiver = child(op, 'Operand');
  site.name = member;
  if (receiver) site.receiver = receiver;
  const recvName = receiver?.kind === 'Identifier' ? receiver.text : undefined;
  const recvVar = recvName ? scope.get(recvName) : undefined;
  if (LOW_LEVEL_MEMBERS.has(member)) {
    site.kind = 'low-level';
    return site;
  }
  if ((member === 'transfer' || member === 'send') && site.args.length === 1) {
    site.kind = 'eth-transfer';
    site.value = site.args[0];
    return site;
  }
  if (recvName && !recvVar && BUILTIN_OBJECTS.has(recvName)) return site;
  if (receiver?.kind === 'FunctionCallExpression' && child(receiver, 'Operand')?.text === 'type') return site;
  if (recvName === 'super') {
    site.kind = 'internal';
    site.targets = functionsNamed(member, lin.slice(lin.indexOf(contract) + 1));
    return site;
  }
  if (recvName === 'this') {
    site.kind = 'self-external';
    site.targets = functionsNamed(member, lin);
    return site;
  }
  if (recvName && !recvVar && byName.has(recvName)) {
    const target = byName.get(recvName)!;
    site.kind = target.kind === 'library' ? 'library' : 'internal';
    site.targets = functionsNamed(member, [target]);
    return site;
  }
  if (ARRAY_MEMBERS.has(member) && site.args.length <= 1 && recvVar?.type.kind !== 'user') return site;
  const usingTargets = lin
    .flatMap((c) => c.usingLibraries)
    .map((l) => byName.get(l))
    .filter((l): l is ContractIR => !!l);
  const viaUsing = functionsNamed(member, usingTargets);
  const recvTypeIsContract =
    (recvVar?.type.kind === 'user' &&
      byName.get(lastName(recvVar.type.node))?.kind !== 'library' &&
      !lin.some((c) => c.structs.includes(lastName(recvVar.type.node)))) ||
    (receiver?.kind === 'FunctionCallExpression' && byName.has(child(receiver, 'Operand')?.text ?? ''));
  if (viaUsing.length > 0 && !recvTypeIsContract) {
    site.kind = 'library';
    site.targets = viaUsing;
    return site;
  }
  if (member === 'concat' || member === 'length' || member === 'selector') return site;
  site.kind = 'high-level';
  // Resolve the interface/contract type of the receiver so detectors can see the callee's mutability.
  let typeName: string | undefined;
  if (recvVar?.type.kind === 'user') typeName = lastName(recvVar.type.node);
  else if (receiver?.kind === 'FunctionCallExpression') {
    const callee = child(receiver, 'Operand');
    if (callee?.kind === 'Identifier' && byName.has(callee.text ?? '')) typeName = callee.text;
    else if (callee?.kind === 'Identifier') {
      const ret = functionsNamed(callee.text ?? '', lin)[0]?.returns[0];
      if (ret?.type.kind === 'user') typeName = lastName(ret.type.node);
    }
  }
  site.receiverType = typeName;
  const recvContract = typeName ? byName.get(typeName) : undefined;
  if (recvContract)
    site.targets = functionsNamed(
      member,
      recvContract.linearization.length ? recvContract.linearization : [recvContract],
    );
  return site;
}
