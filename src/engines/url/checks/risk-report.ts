import { reportCheck } from './report-check.js';

export default reportCheck('risk_report', 4, {
  title: 'Reported as risky',
  severity: 'high',
  description: 'An imported feed lists the site as risky or suspicious without a more specific category.',
  recommendation: 'Treat the site as untrusted; verify the address through the project’s official channels.',
});
