import { defineCheck } from './types.js';

export default defineCheck({
  id: 'selfdestruct',
  title: 'Contract contains SELFDESTRUCT',
  severity: 'high',
  description:
    'The token’s code can destroy itself (or, since Cancun, sweep its ether), a tool of exit scams.',
  recommendation: 'Find who can reach the SELFDESTRUCT and under which conditions.',
  weights: [{ when: 'SELFDESTRUCT opcode present', penalty: 3 }],
  evaluate: ({ privileges }) =>
    privileges
      ? {
          triggered: privileges.selfdestruct,
          value: privileges.selfdestruct,
          detail: privileges.selfdestruct ? 'SELFDESTRUCT in bytecode' : 'none',
        }
      : null,
});
