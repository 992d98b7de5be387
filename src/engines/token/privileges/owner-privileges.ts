import type { Address } from 'viem';
import type { ChainReader } from '../../../chain/reader.js';
import { defaultSelectorDictionary } from '../../../chain/selectors/dictionary.js';
import type { Db } from '../../../core/db/types.js';
import { collectFacts } from '../../address/collect-facts.js';
import { AddressLabelStore } from '../../address/labels/store.js';
import type { AddressFacts } from '../../address/types.js';

/**
 * The owner's powers over the token, taken from the address engine's analysis (bytecode selectors
 * and their tags, owner discovery, eth_call simulation of privileged calls, proxy detection) and
 * reduced to what a buyer cares about. A power counts only while someone can still use it: the
 * visible owner has not renounced, a role admin exists, or a hidden privileged caller was found.
 */
export interface TokenPrivileges {
  owner: Address | null;
  ownerRenounced: boolean;
  ownerIsEoa: boolean | null;
  /** Someone (owner, admin, hidden caller) can still call privileged functions. */
  controlled: boolean;
  canMint: boolean;
  canBlacklist: boolean;
  canPause: boolean;
  canModifyTax: boolean;
  hasTradingSwitch: boolean;
  canChangeBalance: boolean;
  canTakeBackOwnership: boolean;
  antiWhaleModifiable: boolean;
  hiddenOwner: boolean;
  hiddenOwnerEvidence: string[];
  proxy: { kind: string; upgrader: Address | null; upgradeable: boolean } | null;
  selfdestruct: boolean;
  /** Named privileged functions found in the bytecode, for the explanation. */
  functions: string[];
  creator: Address | null;
  tags: string[];
}

export type PrivilegeInspector = (reader: ChainReader, token: Address) => Promise<TokenPrivileges>;

const POWER_TAGS = [
  'mint',
  'blacklist',
  'whitelist',
  'pause',
  'modify_fee',
  'trading_switch',
  'owner_change_balance',
  'take_back_ownership',
  'anti_whale',
  'cooldown',
  'upgrade',
];

export function privilegesFromFacts(facts: AddressFacts): TokenPrivileges {
  const tags = new Set(facts.tags);
  const owner = facts.owner.address ?? null;
  const controlled =
    (owner !== null && !facts.owner.renounced) ||
    facts.hiddenOwner.detected ||
    facts.accessControl.admins.length > 0 ||
    facts.privilegedCallers.length > 0;
  const power = (tag: string) => controlled && tags.has(tag);
  const dictionary = defaultSelectorDictionary();
  const functions = Object.entries(facts.functions)
    .filter(([selector]) => dictionary.tags(selector).some((t) => POWER_TAGS.includes(t)))
    .map(([, sig]) => sig)
    .sort();
  return {
    owner,
    ownerRenounced: facts.owner.renounced,
    ownerIsEoa: facts.owner.isEoa ?? null,
    controlled,
    canMint: power('mint'),
    canBlacklist: power('blacklist'),
    canPause: power('pause'),
    canModifyTax: power('modify_fee'),
    hasTradingSwitch: power('trading_switch'),
    canChangeBalance: power('owner_change_balance'),
    canTakeBackOwnership: tags.has('take_back_ownership') && facts.owner.renounced,
    antiWhaleModifiable: power('anti_whale'),
    hiddenOwner: facts.hiddenOwner.detected,
    hiddenOwnerEvidence: facts.hiddenOwner.evidence,
    proxy: facts.proxy
      ? {
          kind: facts.proxy.kind,
          upgrader: facts.proxy.upgrader ?? null,
          upgradeable: facts.proxy.upgrader !== undefined,
        }
      : null,
    selfdestruct: facts.opcodes.selfdestruct,
    functions: functions.slice(0, 30),
    creator: facts.creator?.address ?? null,
    tags: [...tags].sort(),
  };
}

/** The default inspector: the address engine's fact collection over the same pinned reader. */
export function addressEnginePrivileges(db: Db, now: () => number): PrivilegeInspector {
  const labels = new AddressLabelStore(db, now);
  return async (reader, token) =>
    privilegesFromFacts(await collectFacts(reader, token, { labels, historyDepth: 0 }));
}
