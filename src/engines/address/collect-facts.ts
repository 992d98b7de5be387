import { type Address, encodeFunctionData, getAddress, type Hex, parseAbi, toFunctionSelector } from 'viem';
import {
  isBurnAddress,
  wordToAddress,
  wordToBigInt,
  wordToBool,
  ZERO_ADDRESS,
} from '../../chain/analysis/abi-words.js';
import { decodeStringResult, PROBE_ADDRESS, probeCalldata } from '../../chain/analysis/call-data.js';
import { type CodeProfile, profileCode } from '../../chain/analysis/code-profile.js';
import { detectProxy, type ProxyInfo } from '../../chain/analysis/proxy.js';
import type { ChainReader } from '../../chain/reader.js';
import { defaultSelectorDictionary } from '../../chain/selectors/dictionary.js';
import type { SourceFiles } from '../contract/sources/types.js';
import type { AddressLabelStore } from './labels/store.js';
import type { SourceAnalyzer } from './source-analyzer.js';
import type { AddressFacts, AnalyzerSummary, OwnerFacts, ProxyFacts, TokenFacts } from './types.js';

/** Verified-source lookup (explorer/Sourcify); `undefined` when no provider could answer. */
export type SourceLookup = (
  chainId: number,
  address: Address,
) => Promise<{ verified: boolean; provider: string | null; note?: string; bundle?: SourceFiles } | undefined>;

export interface CollectDeps {
  labels: AddressLabelStore;
  sourceLookup?: SourceLookup;
  analyzer?: SourceAnalyzer;
  /** Transactions of the address inspected for malicious counterparties (default 25). */
  historyDepth?: number;
}

/** Tags of functions only a privileged account should be able to call. */
const PRIVILEGED_TAGS = new Set([
  'mint',
  'blacklist',
  'whitelist',
  'pause',
  'trading_switch',
  'modify_fee',
  'owner_change_balance',
  'anti_whale',
  'cooldown',
]);
/** Read-only names that share a tag with a setter; never simulated. */
const VIEW_NAME = /^(is|get|has)[A-Z]|^(paused|blacklisted|tradingEnabled|cooldownEnabled)\(/;
const MAX_SIMULATED_FUNCTIONS = 8;
const MAX_CANDIDATES = 3;
const STORAGE_SLOTS_SCANNED = 10;

const SEL = {
  owner: toFunctionSelector('owner()'),
  getOwner: toFunctionSelector('getOwner()'),
  name: toFunctionSelector('name()'),
  symbol: toFunctionSelector('symbol()'),
  decimals: toFunctionSelector('decimals()'),
  totalSupply: toFunctionSelector('totalSupply()'),
  getRoleMember: toFunctionSelector('getRoleMember(bytes32,uint256)'),
} as const;
const ERC20_CORE = [
  'totalSupply()',
  'balanceOf(address)',
  'transfer(address,uint256)',
  'transferFrom(address,address,uint256)',
  'approve(address,uint256)',
  'allowance(address,address)',
].map((s) => toFunctionSelector(s));

const erc165Abi = parseAbi(['function supportsInterface(bytes4) view returns (bool)']);
const accessAbi = parseAbi(['function hasRole(bytes32,address) view returns (bool)']);
const ZERO_ROLE = `0x${'00'.repeat(32)}` as Hex;

interface OtsTx {
  from?: string;
  to?: string | null;
}

function supportsCall(iface: Hex): Hex {
  return encodeFunctionData({ abi: erc165Abi, functionName: 'supportsInterface', args: [iface] });
}

function mergeProfiles(
  own: CodeProfile,
  impl: CodeProfile | undefined,
): {
  selectors: string[];
  functions: Record<string, string>;
  tags: Set<string>;
} {
  const selectors = new Set<string>(own.selectors);
  const functions = { ...own.named };
  const tags = new Set(own.tags);
  if (impl) {
    for (const s of impl.selectors) selectors.add(s);
    Object.assign(functions, impl.named);
    for (const t of impl.tags) tags.add(t);
  }
  return { selectors: [...selectors].sort(), functions, tags };
}

/**
 * Gathers every fact the address checks need, in a few batched round trips:
 *  1. code, balance, nonce, creator, recent transactions (one JSON-RPC batch);
 *  2. proxy slots and the first storage slots;
 *  3. implementation code (proxies only);
 *  4. getters (owner, token metadata, ERC-165) and caller simulations;
 *  5. whether owner/admin/upgrader are EOAs, creation timestamp.
 */
export async function collectFacts(
  reader: ChainReader,
  address: Address,
  deps: CollectDeps,
): Promise<AddressFacts> {
  const chainId = reader.chain.chainId;
  const historyDepth = deps.historyDepth ?? 25;

  // --- round trip 1 ----------------------------------------------------------
  const [code, balance, nonce, labels, creatorRaw, history] = await Promise.all([
    reader.getCode(address),
    reader.getBalance(address),
    reader.getNonce(address),
    deps.labels.labelsOf(chainId, address),
    reader.optionalRpc<{ hash: string; creator: string } | null>(
      'ots_getContractCreator',
      [address],
      address,
    ),
    reader.optionalRpc<{ txs?: OtsTx[] }>(
      'ots_searchTransactionsBefore',
      [address, 0, historyDepth],
      address,
    ),
  ]);
  const isContract = code.length > 2;

  const facts: AddressFacts = {
    chainId,
    address,
    blockNumber: reader.blockNumber.toString(),
    scannedBlockTimestamp: reader.blockTimestamp,
    isContract,
    balance: balance.toString(),
    nonce,
    codeSize: 0,
    codeHash: null,
    selectors: [],
    functions: {},
    tags: [],
    opcodes: { selfdestruct: false, delegatecall: false, callcode: false, create2: false, origin: false },
    proxy: null,
    owner: { address: undefined, source: undefined, renounced: false, isEoa: undefined },
    accessControl: { present: false, admins: [] },
    privilegedCallers: [],
    hiddenOwner: { detected: false, evidence: [] },
    token: { standard: null },
    creator: null,
    creatorNote: isContract ? null : 'not a contract',
    labels,
    interactions: { supported: history !== undefined, checked: 0, malicious: [], note: null },
    source: { verified: false, provider: null, note: isContract ? null : 'not a contract' },
    analyzer: {
      ran: false,
      critical: 0,
      high: 0,
      medium: 0,
      low: 0,
      findings: [],
      note: isContract ? null : 'not a contract',
    },
  };

  // Counterparties of recent transactions against the imported lists.
  if (history?.txs) {
    const counterparties = new Set<string>();
    for (const tx of history.txs) {
      for (const party of [tx.from, tx.to]) {
        if (party && party.toLowerCase() !== address.toLowerCase()) counterparties.add(party);
      }
    }
    facts.interactions.checked = history.txs.length;
    const hits = await deps.labels.labelled(chainId, [...counterparties]);
    facts.interactions.malicious = [...hits].map(([a, category]) => ({ address: a, category }));
  } else {
    facts.interactions.note = 'skipped: the node does not support ots_searchTransactionsBefore';
  }

  if (!isContract) return facts;

  const own = profileCode(code);
  facts.codeSize = own.codeSize;
  facts.codeHash = own.codeHash;

  // --- round trip 2 ----------------------------------------------------------
  const slotIndexes = Array.from({ length: STORAGE_SLOTS_SCANNED }, (_, i) => `0x${i.toString(16)}` as Hex);
  const [proxy, slotWords] = await Promise.all([
    detectProxy(reader, address, own),
    Promise.all(slotIndexes.map((slot) => reader.getStorageAt(address, slot))),
  ]);

  // --- round trip 3 (proxies) --------------------------------------------------
  let impl: CodeProfile | undefined;
  if (proxy) {
    const implCode = await reader.getCode(proxy.implementation);
    if (implCode.length > 2) impl = profileCode(implCode);
  }
  const merged = mergeProfiles(own, impl);
  facts.selectors = merged.selectors;
  facts.functions = merged.functions;
  facts.tags = [...merged.tags].sort();
  const opcodeSource = impl ?? own;
  facts.opcodes = {
    selfdestruct: own.opcodes.selfdestruct || (impl?.opcodes.selfdestruct ?? false),
    // A proxy delegates by design: judge DELEGATECALL/CALLCODE on the implementation.
    delegatecall: opcodeSource.opcodes.delegatecall,
    callcode: opcodeSource.opcodes.callcode,
    create2: own.opcodes.create2 || (impl?.opcodes.create2 ?? false),
    origin: own.opcodes.origin || (impl?.opcodes.origin ?? false),
  };

  // Accounts that might hold hidden privileges: the deployer and addresses parked in the first slots.
  const creator = creatorRaw?.creator ? getAddress(creatorRaw.creator) : undefined;
  if (creatorRaw === undefined)
    facts.creatorNote = 'unknown: the node does not support ots_getContractCreator';
  else if (!creatorRaw) facts.creatorNote = 'unknown: the node did not find the creation transaction';
  const slotAddresses = slotWords
    .map((w) => wordToAddress(w))
    .filter((a): a is Address => a !== undefined && a !== ZERO_ADDRESS && !isBurnAddress(a));
  const candidates = [...new Set([...(creator ? [creator] : []), ...slotAddresses])].slice(0, MAX_CANDIDATES);

  const dictionary = defaultSelectorDictionary();
  const privileged = Object.entries(merged.functions)
    .filter(([sel, sig]) => !VIEW_NAME.test(sig) && dictionary.tags(sel).some((t) => PRIVILEGED_TAGS.has(t)))
    .slice(0, MAX_SIMULATED_FUNCTIONS);
  const accessControl = merged.tags.has('access_control');

  // --- round trip 4 ----------------------------------------------------------
  const getters = [SEL.owner, SEL.getOwner, SEL.name, SEL.symbol, SEL.decimals, SEL.totalSupply].map(
    (data) => ({
      to: address,
      data,
    }),
  );
  const erc165 = [supportsCall('0x80ac58cd'), supportsCall('0xd9b67a26')].map((data) => ({
    to: address,
    data,
  }));
  const roleChecks = accessControl
    ? candidates.map((c) => ({
        to: address,
        data: encodeFunctionData({ abi: accessAbi, functionName: 'hasRole', args: [ZERO_ROLE, c] }),
      }))
    : [];
  const enumerable = merged.tags.has('access_control_enumerable')
    ? [{ to: address, data: `${SEL.getRoleMember}${'00'.repeat(64)}` as Hex }]
    : [];
  const simulations = privileged.flatMap(([, sig]) => {
    const data = probeCalldata(sig);
    return [PROBE_ADDRESS, ...candidates].map((from) => ({ sig, from, call: { to: address, data, from } }));
  });
  const [readResults, simResults, { source, analysis }, creationTx] = await Promise.all([
    reader.callMany([...getters, ...erc165, ...roleChecks, ...enumerable]),
    Promise.all(simulations.map((s) => reader.call(s.call))),
    verifiedSourceAndAnalysis(deps, chainId, address, proxy?.implementation),
    creatorRaw?.hash
      ? reader.optionalRpc<{ blockNumber?: string | null }>(
          'eth_getTransactionByHash',
          [creatorRaw.hash],
          creatorRaw.hash,
        )
      : Promise.resolve(undefined),
  ]);

  const [ownerRes, getOwnerRes, nameRes, symbolRes, decimalsRes, supplyRes, erc721Res, erc1155Res] =
    readResults;
  const roleResults = readResults.slice(8, 8 + roleChecks.length);
  const memberRes = enumerable.length ? readResults[8 + roleChecks.length] : undefined;

  // Owner.
  const ownerFromOwner = ownerRes?.success ? wordToAddress(ownerRes.data) : undefined;
  const ownerFromGet = getOwnerRes?.success ? wordToAddress(getOwnerRes.data) : undefined;
  const owner: OwnerFacts = {
    address: ownerFromOwner ?? ownerFromGet,
    source: ownerFromOwner ? 'owner()' : ownerFromGet ? 'getOwner()' : undefined,
    renounced: false,
    isEoa: undefined,
  };
  owner.renounced = owner.address !== undefined && isBurnAddress(owner.address);
  facts.owner = owner;

  // Access control admins.
  const admins = new Set<Address>();
  candidates.forEach((c, i) => {
    if (roleResults[i]?.success && wordToBool(roleResults[i]?.data) === true) admins.add(c);
  });
  const member = memberRes?.success ? wordToAddress(memberRes.data) : undefined;
  if (member && member !== ZERO_ADDRESS) admins.add(member);
  facts.accessControl = { present: accessControl, admins: [...admins] };

  // Token standard.
  const token: TokenFacts = { standard: null };
  const hasErc20Core = ERC20_CORE.every((s) => merged.selectors.includes(s));
  if (erc721Res?.success && wordToBool(erc721Res.data)) token.standard = 'ERC721';
  else if (erc1155Res?.success && wordToBool(erc1155Res.data)) token.standard = 'ERC1155';
  else if (
    hasErc20Core ||
    (supplyRes?.success && decimalsRes?.success && wordToBigInt(decimalsRes.data) !== undefined)
  )
    token.standard = 'ERC20';
  if (token.standard) {
    const name = nameRes?.success ? decodeStringResult(nameRes.data) : undefined;
    const symbol = symbolRes?.success ? decodeStringResult(symbolRes.data) : undefined;
    if (name) token.name = name;
    if (symbol) token.symbol = symbol;
    const decimals = decimalsRes?.success ? wordToBigInt(decimalsRes.data) : undefined;
    if (decimals !== undefined && decimals < 256n) token.decimals = Number(decimals);
    const supply = supplyRes?.success ? wordToBigInt(supplyRes.data) : undefined;
    if (supply !== undefined) token.totalSupply = supply.toString();
  }
  facts.token = token;

  // Who can call privileged functions that a stranger cannot.
  const byCaller = new Map<Address, string[]>();
  simulations.forEach((s, i) => {
    if (s.from === PROBE_ADDRESS || !simResults[i]?.success) return;
    const strangerIndex = simulations.findIndex((t) => t.sig === s.sig && t.from === PROBE_ADDRESS);
    if (simResults[strangerIndex]?.success) return; // anyone can call it: not a privilege
    const list = byCaller.get(s.from) ?? [];
    list.push(s.sig);
    byCaller.set(s.from, list);
  });
  facts.privilegedCallers = [...byCaller].map(([caller, functions]) => ({ caller, functions }));

  // Hidden owner: a privileged caller that is neither the visible owner nor a visible role admin.
  const evidence: string[] = [];
  for (const { caller, functions } of facts.privilegedCallers) {
    const visibleOwner =
      owner.address && !owner.renounced && owner.address.toLowerCase() === caller.toLowerCase();
    if (visibleOwner || admins.has(caller)) continue;
    const who = caller === creator ? 'deployer' : 'account';
    const ownerState =
      owner.address === undefined
        ? 'no owner getter'
        : owner.renounced
          ? 'ownership renounced'
          : `owner is ${owner.address}`;
    evidence.push(`${who} ${caller} can still call ${functions.join(', ')} (${ownerState})`);
    if (slotAddresses.some((a) => a.toLowerCase() === caller.toLowerCase())) {
      evidence.push(`${caller} is stored in one of the first ${STORAGE_SLOTS_SCANNED} storage slots`);
    }
  }
  facts.hiddenOwner = { detected: evidence.length > 0, evidence };

  // Source verification and analyzer.
  if (!deps.sourceLookup) facts.source.note = 'no source provider configured';
  else if (!source) facts.source.note = 'source providers could not be reached';
  else facts.source = { verified: source.verified, provider: source.provider, note: source.note ?? null };
  if (analysis && 'error' in analysis) facts.analyzer.note = `analysis failed: ${analysis.error}`;
  else if (analysis) facts.analyzer = { ran: true, ...analysis, note: null };
  else facts.analyzer.note = deps.analyzer ? 'no verified source to analyze' : 'no analyzer wired';

  // --- round trip 5 ----------------------------------------------------------
  const proxyAdmin = proxy?.admin;
  const adminOwnerCall = proxyAdmin ? reader.call({ to: proxyAdmin, data: SEL.owner }) : undefined;
  const beaconOwnerCall =
    proxy?.kind === 'eip1967-beacon' && proxy.beacon
      ? reader.call({ to: proxy.beacon, data: SEL.owner })
      : undefined;
  const creationBlock = creationTx?.blockNumber ?? null;
  const [ownerCode, adminCode, adminOwnerRes, beaconOwnerRes, block] = await Promise.all([
    owner.address && !owner.renounced ? reader.getCode(owner.address) : Promise.resolve(undefined),
    proxyAdmin ? reader.getCode(proxyAdmin) : Promise.resolve(undefined),
    adminOwnerCall ?? Promise.resolve(undefined),
    beaconOwnerCall ?? Promise.resolve(undefined),
    creationBlock
      ? reader.optionalRpc<{ timestamp?: string }>(
          'eth_getBlockByNumber',
          [creationBlock, false],
          `block:${creationBlock}`,
        )
      : Promise.resolve(undefined),
  ]);
  if (ownerCode !== undefined) owner.isEoa = ownerCode.length <= 2;
  if (creator && creatorRaw) {
    facts.creator = {
      address: creator,
      txHash: creatorRaw.hash,
      blockNumber: creationBlock ? BigInt(creationBlock).toString() : null,
      timestamp: block?.timestamp ? Number(BigInt(block.timestamp)) : null,
    };
  }
  if (proxy)
    facts.proxy = await proxyFacts(reader, proxy, {
      adminIsEoa: adminCode === undefined ? undefined : adminCode.length <= 2,
      adminOwner: adminOwnerRes?.success ? wordToAddress(adminOwnerRes.data) : undefined,
      beaconOwner: beaconOwnerRes?.success ? wordToAddress(beaconOwnerRes.data) : undefined,
      owner,
      implUpgradeable: impl?.tags.has('upgrade') ?? false,
    });
  return facts;
}

async function proxyFacts(
  reader: ChainReader,
  proxy: ProxyInfo,
  ctx: {
    adminIsEoa: boolean | undefined;
    adminOwner: Address | undefined;
    beaconOwner: Address | undefined;
    owner: OwnerFacts;
    implUpgradeable: boolean;
  },
): Promise<ProxyFacts> {
  let upgrader: Address | undefined;
  if (proxy.kind === 'eip1167') upgrader = undefined;
  else if (proxy.admin) upgrader = ctx.adminIsEoa ? proxy.admin : (ctx.adminOwner ?? proxy.admin);
  else if (proxy.kind === 'eip1967-beacon') upgrader = ctx.beaconOwner;
  else if (ctx.implUpgradeable && ctx.owner.address && !ctx.owner.renounced) upgrader = ctx.owner.address;
  let upgraderIsEoa = false;
  if (upgrader && !isBurnAddress(upgrader)) {
    if (upgrader === proxy.admin && ctx.adminIsEoa !== undefined) upgraderIsEoa = ctx.adminIsEoa;
    else if (upgrader === ctx.owner.address && ctx.owner.isEoa !== undefined) upgraderIsEoa = ctx.owner.isEoa;
    else upgraderIsEoa = (await reader.getCode(upgrader)).length <= 2;
  }
  return {
    kind: proxy.kind,
    implementation: proxy.implementation,
    admin: proxy.admin,
    upgrader,
    upgraderIsEoa,
  };
}

/**
 * Verified source of the address, or of its implementation when the proxy itself is not verified,
 * then the analyzer on that source. Runs beside the RPC round trips, so it adds no latency of its own
 * unless the provider or the analysis is slower than the chain.
 */
async function verifiedSourceAndAnalysis(
  deps: CollectDeps,
  chainId: number,
  address: Address,
  implementation: Address | undefined,
): Promise<{
  source: Awaited<ReturnType<SourceLookup>>;
  analysis: AnalyzerSummary | { error: string } | undefined;
}> {
  if (!deps.sourceLookup) return { source: undefined, analysis: undefined };
  let source = await deps.sourceLookup(chainId, address);
  if (!source?.verified && implementation)
    source = (await deps.sourceLookup(chainId, implementation)) ?? source;
  if (!source?.bundle || !deps.analyzer) return { source, analysis: undefined };
  try {
    return { source, analysis: await deps.analyzer(source.bundle) };
  } catch (err) {
    return { source, analysis: { error: err instanceof Error ? err.message : String(err) } };
  }
}
