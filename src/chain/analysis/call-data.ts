import {
  type AbiParameter,
  type Address,
  decodeAbiParameters,
  encodeFunctionData,
  type Hex,
  hexToString,
  parseAbiItem,
  toFunctionSelector,
} from 'viem';

/** A deterministic address nobody controls, used as the "stranger" caller and as a probe argument. */
export const PROBE_ADDRESS: Address = '0x00000000000000000000000000000000da7a0001';

function defaultArg(param: AbiParameter): unknown {
  const type = param.type;
  if (type.endsWith(']')) {
    const inner = type.slice(0, type.lastIndexOf('['));
    return [defaultArg({ ...param, type: inner })];
  }
  if (type === 'address') return PROBE_ADDRESS;
  if (type === 'bool') return true;
  if (type === 'string') return 'vigil';
  if (type === 'bytes') return '0x';
  if (type.startsWith('bytes')) return `0x${'00'.repeat(Number(type.slice(5)))}`;
  if (type.startsWith('uint') || type.startsWith('int')) return 1n;
  if (type === 'tuple' && 'components' in param) return param.components.map(defaultArg);
  return 0n;
}

/** Calldata for `signature` with harmless default arguments (probe address, 1, true, ...). */
export function probeCalldata(signature: string): Hex {
  const item = parseAbiItem(`function ${signature}`);
  if (item.type !== 'function') throw new Error(`not a function signature: ${signature}`);
  return encodeFunctionData({
    abi: [item],
    functionName: item.name,
    args: item.inputs.map(defaultArg),
  } as never);
}

export function selectorOf(signature: string): Hex {
  return toFunctionSelector(signature);
}

/** Decodes `string` return data, or a bytes32 padded string (old tokens such as MKR). */
export function decodeStringResult(data: Hex): string | undefined {
  if (data === '0x') return undefined;
  try {
    const [value] = decodeAbiParameters([{ type: 'string' }], data);
    return value;
  } catch {
    if (data.length === 66) {
      try {
        return hexToString(data, { size: 32 }).replace(/\0+$/, '') || undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}
