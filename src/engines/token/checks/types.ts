import type { HolderDistribution } from '../holders/holders.js';
import type { PoolSurvey } from '../pools/find-pools.js';
import type { LpOwnership } from '../pools/lp-ownership.js';
import type { TokenPrivileges } from '../privileges/owner-privileges.js';
import type { SimulationReport } from '../simulation/interpret.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Everything the checks read; plain data gathered by the scan steps. */
export interface TokenEvidence {
  pools: PoolSurvey;
  /** USD value of the quote side of all pools, when a price could be derived. */
  liquidityUsd: number | null;
  lp: LpOwnership | null;
  holders: HolderDistribution | null;
  simulation: SimulationReport | null;
  /** Why there is no simulation (no V2 pool with a router, trading disabled, ...). */
  simulationSkipped: string | null;
  privileges: TokenPrivileges | null;
  tradingNotEnabled: { detected: boolean; evidence: string[] };
}

/** One rung of a check's weight: penalty points off 10 and/or a ceiling on the rating. */
export interface Weight {
  /** When this weight applies, in words (generated into docs/scoring.md). */
  when: string;
  penalty: number;
  cap?: number;
}

export interface CheckOutcome {
  triggered: boolean;
  /** Index into `weights` when triggered (default 0). */
  level?: number;
  value: string | number | boolean | null;
  detail: string;
}

export interface TokenCheck {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  recommendation: string;
  weights: Weight[];
  /** null = the evidence needed is missing (reported as "unknown", no points). */
  evaluate(evidence: TokenEvidence): CheckOutcome | null;
}

export function defineCheck(check: TokenCheck): TokenCheck {
  if (!/^[a-z][a-z0-9-]*$/.test(check.id)) throw new Error(`token check id must be kebab-case: ${check.id}`);
  if (check.weights.length === 0) throw new Error(`token check ${check.id} has no weights`);
  for (const w of check.weights) {
    if (w.penalty < 0 || w.penalty > 10 || (w.cap !== undefined && (w.cap < 0 || w.cap > 10))) {
      throw new Error(`token check ${check.id}: weights must stay within 0-10`);
    }
  }
  return check;
}

type PrivilegeFlag = {
  [K in keyof TokenPrivileges]: TokenPrivileges[K] extends boolean ? K : never;
}[keyof TokenPrivileges];

/** The evaluator shared by checks that read one owner-privilege flag from the address engine. */
export function privilegeFlag(flag: PrivilegeFlag): TokenCheck['evaluate'] {
  return ({ privileges }) => {
    if (!privileges) return null;
    const on = privileges[flag];
    const who = privileges.owner ? `owner ${privileges.owner}` : 'a privileged account';
    return {
      triggered: on,
      value: on,
      detail: on ? `${who} can: ${privileges.functions.join(', ') || 'see bytecode'}` : 'not found',
    };
  };
}

/** `; raised by ...` from the trace of a failed simulation step, or nothing when no trace named a contract. */
export function blockerNote(simulation: SimulationReport): string {
  const b = simulation.blockedBy;
  if (!b?.address) return '';
  const who = b.isToken ? 'the token itself' : `${b.address}, a contract the token calls`;
  return `; raised by ${who}${b.reason ? ` ("${b.reason}")` : ''}`;
}
