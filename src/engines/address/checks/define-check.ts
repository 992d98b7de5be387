import type { AddressFacts, RiskLevel } from '../types.js';

export type CheckScope = 'all' | 'contract' | 'eoa';

export interface CheckOutcome {
  value: boolean;
  /** Why the value could not be established (the check was skipped); appended to risk_desc. */
  skipped?: string;
}

/** One address check: metadata beside its logic, like a detector. */
export interface AddressCheck {
  /** The vocabulary spelling clients expect (HashDit/AvengerDAO table), or Vigil's own in that style. */
  name: string;
  /** Fixed per check: how bad the risky outcome is, whatever this address's value. */
  riskLevel: RiskLevel;
  riskDesc: string;
  /** Points taken from 100 when the check is risky for this address. */
  weight: number;
  /** The value that counts as risky (true for most; false for is_open_source). */
  riskyWhen: boolean;
  /** Addresses the check is meaningful for; others get "false" and no points. */
  scope: CheckScope;
  /** What the check looks at, for the generated docs. */
  basis: string;
  evaluate(facts: AddressFacts): boolean | CheckOutcome;
}

export function defineCheck(
  check: Omit<AddressCheck, 'riskyWhen' | 'scope'> & Partial<Pick<AddressCheck, 'riskyWhen' | 'scope'>>,
): AddressCheck {
  if (!check.name || !check.riskDesc || !check.basis)
    throw new Error(`check ${check.name}: name, riskDesc and basis are required`);
  if (!Number.isInteger(check.weight) || check.weight < 0 || check.weight > 100) {
    throw new Error(`check ${check.name}: weight must be an integer 0-100`);
  }
  return { riskyWhen: true, scope: 'all', ...check };
}

export function hasTag(facts: AddressFacts, tag: string): boolean {
  return facts.tags.includes(tag);
}

/** Owner exists, is not renounced: privileged functions are live. */
export function ownerIsLive(facts: AddressFacts): boolean {
  return facts.owner.address !== undefined && !facts.owner.renounced;
}

/** Somebody can still exercise privileged functions: a live owner, a role admin, or a hidden owner. */
export function someoneIsPrivileged(facts: AddressFacts): boolean {
  return (
    ownerIsLive(facts) ||
    facts.accessControl.admins.length > 0 ||
    facts.privilegedCallers.length > 0 ||
    // Owner-less access control we could not enumerate: assume live.
    (facts.accessControl.present && facts.owner.address === undefined)
  );
}

export function hasLabel(facts: AddressFacts, ...categories: string[]): boolean {
  return facts.labels.some((l) => categories.includes(l.category));
}
