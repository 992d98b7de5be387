import type { LineIndex } from '../parse/line-index.js';
import type { SyntaxNode } from '../parse/syntax-node.js';
import type { CompilerRange } from '../parse/version.js';
import type { Cfg } from './cfg.js';

export type ContractKind = 'contract' | 'interface' | 'library' | 'abstract';
export type Visibility = 'public' | 'external' | 'internal' | 'private';
export type Mutability = 'pure' | 'view' | 'payable' | 'nonpayable';
export type FunctionKind = 'function' | 'constructor' | 'fallback' | 'receive' | 'modifier';

export interface SourceFileIR {
  path: string;
  source: string;
  lines: LineIndex;
  tree: SyntaxNode;
  languageVersion: string;
  compiler: CompilerRange;
  /** Import paths as written. */
  imports: string[];
  contracts: ContractIR[];
  /** Findings are reported for target files only; the others are dependencies. */
  isTarget: boolean;
}

export interface TypeInfo {
  /** Normalized source text, e.g. `mapping(address=>uint256)`, `IERC20`, `uint256[]`. */
  text: string;
  kind: 'elementary' | 'mapping' | 'array' | 'user' | 'function';
  node: SyntaxNode | undefined;
}

export interface VariableIR {
  name: string;
  type: TypeInfo;
  node: SyntaxNode;
  /** `storage` | `memory` | `calldata` for locals/params, undefined otherwise. */
  location?: string;
  scope: 'state' | 'local' | 'param' | 'return';
  visibility?: Visibility;
  constant?: boolean;
  immutable?: boolean;
  initializer?: SyntaxNode;
  contract: ContractIR;
}

export type CallKind =
  | 'low-level' // call, delegatecall, staticcall, callcode
  | 'eth-transfer' // address.transfer / address.send
  | 'high-level' // external call through a contract-typed value
  | 'self-external' // this.f()
  | 'internal' // f(), super.f(), Base.f()
  | 'library' // L.f() or x.f() through `using L for T`
  | 'builtin' // require, keccak256, abi.*, push, ...
  | 'conversion' // address(x), IERC20(x), uint(x)
  | 'new' // new C()
  | 'struct' // S({...})
  | 'event'; // pre-0.4.21 event call without `emit`

export interface CallSite {
  node: SyntaxNode;
  kind: CallKind;
  /** Called name: builtin name, function name or low-level member. */
  name: string;
  receiver?: SyntaxNode;
  /** `{value: x}` or `.value(x)`: the value expression. */
  value?: SyntaxNode;
  args: SyntaxNode[];
  /** Enclosing statement (for CFG lookups). */
  statement: SyntaxNode | undefined;
  /** Contract/interface type name of the receiver of a high-level call, when known. */
  receiverType?: string | undefined;
  /** Functions this call may run (internal/library/self-external), most derived first. */
  targets: FunctionIR[];
}

export interface StateAccess {
  variable: VariableIR;
  node: SyntaxNode;
  statement: SyntaxNode | undefined;
}

export interface FunctionIR {
  name: string;
  kind: FunctionKind;
  node: SyntaxNode;
  contract: ContractIR;
  visibility: Visibility;
  mutability: Mutability;
  isVirtual: boolean;
  isOverride: boolean;
  modifiers: { name: string; node: SyntaxNode; args: SyntaxNode[] }[];
  params: VariableIR[];
  returns: VariableIR[];
  locals: VariableIR[];
  body: SyntaxNode | undefined;
  /** Name(type,...) */
  signature: string;
  reads: StateAccess[];
  writes: StateAccess[];
  calls: CallSite[];
  cfg: Cfg;
  /** Expression Identifier node -> variable it refers to. */
  resolve(identifier: SyntaxNode): VariableIR | undefined;
}

export interface ContractIR {
  name: string;
  kind: ContractKind;
  node: SyntaxNode;
  file: SourceFileIR;
  baseNames: string[];
  /** C3 linearization, this contract first; unresolved bases are skipped. */
  linearization: ContractIR[];
  stateVars: VariableIR[];
  functions: FunctionIR[];
  modifiers: FunctionIR[];
  events: string[];
  structs: string[];
  usingLibraries: string[];
}

export interface ProjectIR {
  files: SourceFileIR[];
  contracts: ContractIR[];
  contractsByName: Map<string, ContractIR>;
}
