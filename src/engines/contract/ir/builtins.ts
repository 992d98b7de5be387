/** Solidity globals and builtin functions (all versions), for call classification and shadowing. */
export const BUILTIN_FUNCTIONS = new Set([
  'require',
  'assert',
  'revert',
  'keccak256',
  'sha3',
  'sha256',
  'ripemd160',
  'ecrecover',
  'addmod',
  'mulmod',
  'blockhash',
  'selfdestruct',
  'suicide',
  'gasleft',
  'type',
]);

export const BUILTIN_OBJECTS = new Set(['abi', 'msg', 'block', 'tx', 'string', 'bytes']);

/** Names a declaration should not reuse (builtin-shadowing detector). */
export const BUILTIN_SYMBOLS = new Set([
  ...BUILTIN_FUNCTIONS,
  ...BUILTIN_OBJECTS,
  'now',
  'this',
  'super',
  'log0',
  'log1',
  'log2',
  'log3',
  'log4',
]);

export const LOW_LEVEL_MEMBERS = new Set(['call', 'delegatecall', 'staticcall', 'callcode']);
export const ARRAY_MEMBERS = new Set(['push', 'pop']);
