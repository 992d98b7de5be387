import antiWhaleModifiable from './anti-whale-modifiable.js';
import cannotBuy from './cannot-buy.js';
import cannotSellAll from './cannot-sell-all.js';
import extremeTax from './extreme-tax.js';
import gasAnomaly from './gas-anomaly.js';
import hiddenOwner from './hidden-owner.js';
import highTax from './high-tax.js';
import holderConcentration from './holder-concentration.js';
import honeypot from './honeypot.js';
import lowLiquidity from './low-liquidity.js';
import lpUnlocked from './lp-unlocked.js';
import notListed from './not-listed.js';
import ownerCanBlacklist from './owner-can-blacklist.js';
import ownerCanMint from './owner-can-mint.js';
import ownerCanPause from './owner-can-pause.js';
import ownerChangeBalance from './owner-change-balance.js';
import selfdestruct from './selfdestruct.js';
import takeBackOwnership from './take-back-ownership.js';
import taxModifiable from './tax-modifiable.js';
import tradingNotEnabled from './trading-not-enabled.js';
import tradingSwitch from './trading-switch.js';
import transferTax from './transfer-tax.js';
import type { TokenCheck } from './types.js';
import upgradeableProxy from './upgradeable-proxy.js';

/** Every token check, in the order they are reported. docs/scoring.md#token is generated from this list. */
export const TOKEN_CHECKS: readonly TokenCheck[] = [
  honeypot,
  cannotBuy,
  cannotSellAll,
  extremeTax,
  highTax,
  transferTax,
  gasAnomaly,
  tradingNotEnabled,
  notListed,
  lowLiquidity,
  lpUnlocked,
  holderConcentration,
  ownerCanMint,
  ownerChangeBalance,
  hiddenOwner,
  takeBackOwnership,
  ownerCanBlacklist,
  ownerCanPause,
  upgradeableProxy,
  selfdestruct,
  taxModifiable,
  tradingSwitch,
  antiWhaleModifiable,
];
