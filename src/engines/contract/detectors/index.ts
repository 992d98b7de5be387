import type { Detector } from '../define-detector.js';
import arbitraryFromTransferFrom from './arbitrary-from-transfer-from.js';
import arbitrarySendEth from './arbitrary-send-eth.js';
import assemblyUsage from './assembly-usage.js';
import booleanEquality from './boolean-equality.js';
import callsInLoop from './calls-in-loop.js';
import controlledDelegatecall from './controlled-delegatecall.js';
import dangerousUnaryExpression from './dangerous-unary-expression.js';
import defaultVisibilityFunction from './default-visibility-function.js';
import defaultVisibilityState from './default-visibility-state.js';
import deprecatedCallcode from './deprecated-callcode.js';
import deprecatedConstructorSyntax from './deprecated-constructor-syntax.js';
import deprecatedNow from './deprecated-now.js';
import deprecatedSha3 from './deprecated-sha3.js';
import deprecatedSuicide from './deprecated-suicide.js';
import deprecatedThrow from './deprecated-throw.js';
import deprecatedVar from './deprecated-var.js';
import divideBeforeMultiply from './divide-before-multiply.js';
import dosFailedCall from './dos-failed-call.js';
import ecrecoverZeroAddress from './ecrecover-zero-address.js';
import encodePackedCollision from './encode-packed-collision.js';
import erc20ApproveRace from './erc20-approve-race.js';
import erc20Interface from './erc20-interface.js';
import erc721Interface from './erc721-interface.js';
import floatingPragma from './floating-pragma.js';
import frontRunningCommitReveal from './front-running-commit-reveal.js';
import gasArrayLengthCaching from './gas-array-length-caching.js';
import gasCalldataParams from './gas-calldata-params.js';
import gasConstantCandidate from './gas-constant-candidate.js';
import gasCustomErrors from './gas-custom-errors.js';
import gasExternalOverPublic from './gas-external-over-public.js';
import gasImmutableCandidate from './gas-immutable-candidate.js';
import gasPrefixIncrement from './gas-prefix-increment.js';
import gasStoragePacking from './gas-storage-packing.js';
import gasUnusedFunction from './gas-unused-function.js';
import gasUnusedStateVariable from './gas-unused-state-variable.js';
import incorrectConstructorName from './incorrect-constructor-name.js';
import integerOverflow from './integer-overflow.js';
import knownCompilerBugs from './known-compiler-bugs.js';
import lockedEther from './locked-ether.js';
import missingEventsAccessControl from './missing-events-access-control.js';
import missingEventsParameter from './missing-events-parameter.js';
import missingZeroCheck from './missing-zero-check.js';
import modifierWithoutPlaceholder from './modifier-without-placeholder.js';
import msgValueInLoop from './msg-value-in-loop.js';
import reentrancyCrossFunction from './reentrancy-cross-function.js';
import reentrancyEth from './reentrancy-eth.js';
import reentrancyEvents from './reentrancy-events.js';
import reentrancyNoEth from './reentrancy-no-eth.js';
import reentrancyReadOnly from './reentrancy-read-only.js';
import rtloCharacter from './rtlo-character.js';
import shadowingBuiltin from './shadowing-builtin.js';
import shadowingLocal from './shadowing-local.js';
import shadowingState from './shadowing-state.js';
import shortAddress from './short-address.js';
import signatureMalleability from './signature-malleability.js';
import signatureReplay from './signature-replay.js';
import strictBalanceEquality from './strict-balance-equality.js';
import tautologyUnsigned from './tautology-unsigned.js';
import timestampDependence from './timestamp-dependence.js';
import txOriginAuth from './tx-origin-auth.js';
import unboundedLoop from './unbounded-loop.js';
import uncheckedArithmetic from './unchecked-arithmetic.js';
import uncheckedLowLevelCall from './unchecked-low-level-call.js';
import uncheckedSend from './unchecked-send.js';
import uncheckedTransfer from './unchecked-transfer.js';
import uninitializedLocal from './uninitialized-local.js';
import uninitializedState from './uninitialized-state.js';
import uninitializedStoragePointer from './uninitialized-storage-pointer.js';
import unprotectedInitializer from './unprotected-initializer.js';
import unprotectedMint from './unprotected-mint.js';
import unprotectedOwnerChange from './unprotected-owner-change.js';
import unprotectedSelfdestruct from './unprotected-selfdestruct.js';
import unprotectedUpgrade from './unprotected-upgrade.js';
import unprotectedWithdraw from './unprotected-withdraw.js';
import weakPrng from './weak-prng.js';

/** The registry: every detector, in report order. docs/detectors.md is generated from it. */
export const DETECTORS: readonly Detector[] = [
  arbitraryFromTransferFrom,
  arbitrarySendEth,
  assemblyUsage,
  booleanEquality,
  callsInLoop,
  controlledDelegatecall,
  dangerousUnaryExpression,
  defaultVisibilityFunction,
  defaultVisibilityState,
  deprecatedCallcode,
  deprecatedConstructorSyntax,
  deprecatedNow,
  deprecatedSha3,
  deprecatedSuicide,
  deprecatedThrow,
  deprecatedVar,
  divideBeforeMultiply,
  dosFailedCall,
  ecrecoverZeroAddress,
  encodePackedCollision,
  erc20ApproveRace,
  erc20Interface,
  erc721Interface,
  floatingPragma,
  frontRunningCommitReveal,
  gasArrayLengthCaching,
  gasCalldataParams,
  gasConstantCandidate,
  gasCustomErrors,
  gasExternalOverPublic,
  gasImmutableCandidate,
  gasPrefixIncrement,
  gasStoragePacking,
  gasUnusedFunction,
  gasUnusedStateVariable,
  incorrectConstructorName,
  integerOverflow,
  knownCompilerBugs,
  lockedEther,
  missingEventsAccessControl,
  missingEventsParameter,
  missingZeroCheck,
  modifierWithoutPlaceholder,
  msgValueInLoop,
  reentrancyCrossFunction,
  reentrancyEth,
  reentrancyEvents,
  reentrancyNoEth,
  reentrancyReadOnly,
  rtloCharacter,
  shadowingBuiltin,
  shadowingLocal,
  shadowingState,
  shortAddress,
  signatureMalleability,
  signatureReplay,
  strictBalanceEquality,
  tautologyUnsigned,
  timestampDependence,
  txOriginAuth,
  unboundedLoop,
  uncheckedArithmetic,
  uncheckedLowLevelCall,
  uncheckedSend,
  uncheckedTransfer,
  uninitializedLocal,
  uninitializedState,
  uninitializedStoragePointer,
  unprotectedInitializer,
  unprotectedMint,
  unprotectedOwnerChange,
  unprotectedSelfdestruct,
  unprotectedUpgrade,
  unprotectedWithdraw,
  weakPrng,
];

const ids = new Set<string>();
for (const d of DETECTORS) {
  if (ids.has(d.id)) throw new Error(`duplicate detector id ${d.id}`);
  ids.add(d.id);
}
