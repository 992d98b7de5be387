import { createRequire } from 'node:module';
import { type Address, getAddress, isAddress } from 'viem';

/** A token known by symbol from a shipped token list or from Vigil's own index. */
export interface ListedToken {
  chainId: number;
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
  source: string;
}

interface TokenListJson {
  name?: string;
  tokens: { chainId: number; address: string; symbol: string; name: string; decimals: number }[];
}

/**
 * Token lists shipped in npm: `@uniswap/default-token-list` and `@sushiswap/default-token-list`.
 * `@pancakeswap/tokens` is used when the operator installed it (it is not a dependency: it pulls
 * ~100 packages / 140 MB including a Solana SDK and a second viem; docs/api/cryptowatchtower.md).
 */
const SHIPPED_LISTS = [
  { source: 'uniswap-default', module: '@uniswap/default-token-list' },
  { source: 'sushiswap-default', module: '@sushiswap/default-token-list' },
];
const OPTIONAL_PANCAKE = '@pancakeswap/tokens';

function toListed(
  raw: { chainId: number; address: string; symbol: string; name: string; decimals: number },
  source: string,
): ListedToken | null {
  if (!isAddress(raw.address, { strict: false }) || typeof raw.symbol !== 'string') return null;
  return {
    chainId: raw.chainId,
    address: getAddress(raw.address.toLowerCase()),
    symbol: raw.symbol,
    name: raw.name ?? raw.symbol,
    decimals: raw.decimals ?? 18,
    source,
  };
}

export class TokenListIndex {
  private readonly bySymbol = new Map<string, ListedToken[]>();
  private readonly byAddress = new Map<string, ListedToken>();
  readonly sources: { source: string; tokens: number }[] = [];

  add(tokens: readonly ListedToken[], source: string): void {
    let added = 0;
    for (const t of tokens) {
      const addrKey = `${t.chainId}:${t.address.toLowerCase()}`;
      if (this.byAddress.has(addrKey)) continue;
      this.byAddress.set(addrKey, t);
      for (const key of new Set([t.symbol.toLowerCase(), t.name.toLowerCase()])) {
        const list = this.bySymbol.get(key) ?? [];
        list.push(t);
        this.bySymbol.set(key, list);
      }
      added += 1;
    }
    this.sources.push({ source, tokens: added });
  }

  /** Tokens whose symbol or name equals the query (case-insensitive), on the given chains. */
  find(query: string, chainIds: readonly number[]): ListedToken[] {
    const hits = this.bySymbol.get(query.trim().toLowerCase()) ?? [];
    return hits.filter((t) => chainIds.includes(t.chainId));
  }

  get(chainId: number, address: string): ListedToken | undefined {
    return this.byAddress.get(`${chainId}:${address.toLowerCase()}`);
  }
}

let shipped: Promise<TokenListIndex> | undefined;

/** The shipped lists, loaded once per process. */
export function shippedTokenLists(): Promise<TokenListIndex> {
  shipped ??= (async () => {
    const index = new TokenListIndex();
    const require = createRequire(import.meta.url);
    for (const { source, module } of SHIPPED_LISTS) {
      try {
        const list = require(module) as TokenListJson;
        index.add(
          list.tokens.map((t) => toListed(t, source)).filter((t): t is ListedToken => t !== null),
          source,
        );
      } catch {
        index.sources.push({ source, tokens: 0 });
      }
    }
    try {
      const spec = OPTIONAL_PANCAKE;
      const mod = (await import(spec)) as Record<string, unknown>;
      const tokens: ListedToken[] = [];
      for (const [name, value] of Object.entries(mod)) {
        if (!/Tokens$/.test(name) || !value || typeof value !== 'object') continue;
        for (const t of Object.values(value as Record<string, unknown>)) {
          const listed = toListed(t as Parameters<typeof toListed>[0], 'pancakeswap-tokens');
          if (listed) tokens.push(listed);
        }
      }
      index.add(tokens, 'pancakeswap-tokens');
    } catch {
      // optional: not installed
    }
    return index;
  })();
  return shipped;
}
