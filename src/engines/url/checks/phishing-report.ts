import { reportCheck } from './report-check.js';

export default reportCheck('phishing_report', 5, {
  title: 'Reported phishing',
  severity: 'critical',
  description:
    'An imported phishing feed (for example an eth-phishing-detect blocklist) lists the site or a parent domain.',
  recommendation: 'Block the connection; never sign anything or enter a recovery phrase on this site.',
});
