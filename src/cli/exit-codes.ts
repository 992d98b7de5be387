/** Documented in README ("Exit codes"). */
export const EXIT = {
  OK: 0,
  /** `vigil scan --fail-on`: a finding at or above the level was found. */
  FINDINGS: 1,
  /** Bad arguments or an invalid target. */
  USAGE: 2,
  /** The scan ran and failed (engine error, timeout, upstream unavailable). */
  SCAN_FAILED: 3,
  /** Configuration could not be loaded or is invalid. */
  CONFIG: 4,
  /** Unexpected internal error. */
  INTERNAL: 70,
} as const;
