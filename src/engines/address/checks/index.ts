import { antiWhaleModifiableCheck } from './anti-whale-modifiable.js';
import { blacklistFunctionCheck } from './blacklist-function.js';
import { contractCheck } from './contract.js';
import { controlledExternalCallCheck } from './controlled-external-call.js';
import type { AddressCheck } from './define-check.js';
import { drainerCheck } from './drainer.js';
import { erc20Check } from './erc20.js';
import { erc721Check } from './erc721.js';
import { erc1155Check } from './erc1155.js';
import { freshAddressCheck } from './fresh-address.js';
import { hiddenOwnerCheck } from './hidden-owner.js';
import { interactWithMaliciousAddressCheck } from './interact-with-malicious-address.js';
import { isAccessControlCheck } from './is-access-control.js';
import { isExploiterAddressCheck } from './is-exploiter-address.js';
import { isMintableCheck } from './is-mintable.js';
import { isNftCheck } from './is-nft.js';
import { isOpenSourceCheck } from './is-open-source.js';
import { isVulnerableCheck } from './is-vulnerable.js';
import { maliciousAddressCheck } from './malicious-address.js';
import { mixerCheck } from './mixer.js';
import { modifyFeeCheck } from './modify-fee.js';
import { newContractCheck } from './new-contract.js';
import { overpoweredOwnerCheck } from './overpowered-owner.js';
import { ownerChangeBalanceCheck } from './owner-change-balance.js';
import { ownerRenouncedCheck } from './owner-renounced.js';
import { phishingCheck } from './phishing.js';
import { proxyContractCheck } from './proxy-contract.js';
import { sanctionCheck } from './sanction.js';
import { scamCheck } from './scam.js';
import { selfdestructCheck } from './selfdestruct.js';
import { takeBackOwnershipCheck } from './take-back-ownership.js';
import { tokenCheck } from './token.js';
import { tradingCooldownCheck } from './trading-cooldown.js';
import { transferPausableCheck } from './transfer-pausable.js';
import { upgradeableByEoaCheck } from './upgradeable-by-eoa.js';
import { usesTxOriginCheck } from './uses-tx-origin.js';
import { walletCheck } from './wallet.js';
import { whitelistFunctionCheck } from './whitelist-function.js';
import { zeroBalanceCheck } from './zero-balance.js';

/** Every address check, in the order details are returned. */
export const ADDRESS_CHECKS: readonly AddressCheck[] = [
  contractCheck,
  walletCheck,
  isOpenSourceCheck,
  proxyContractCheck,
  upgradeableByEoaCheck,
  hiddenOwnerCheck,
  ownerRenouncedCheck,
  takeBackOwnershipCheck,
  isMintableCheck,
  ownerChangeBalanceCheck,
  selfdestructCheck,
  controlledExternalCallCheck,
  blacklistFunctionCheck,
  whitelistFunctionCheck,
  transferPausableCheck,
  tradingCooldownCheck,
  modifyFeeCheck,
  antiWhaleModifiableCheck,
  overpoweredOwnerCheck,
  isAccessControlCheck,
  usesTxOriginCheck,
  tokenCheck,
  erc20Check,
  erc721Check,
  erc1155Check,
  isNftCheck,
  newContractCheck,
  freshAddressCheck,
  zeroBalanceCheck,
  maliciousAddressCheck,
  phishingCheck,
  scamCheck,
  sanctionCheck,
  drainerCheck,
  isExploiterAddressCheck,
  mixerCheck,
  interactWithMaliciousAddressCheck,
  isVulnerableCheck,
];
