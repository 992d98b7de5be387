import { reportCheck } from './report-check.js';

export default reportCheck('scam_report', 5, {
  title: 'Reported scam',
  severity: 'critical',
  description:
    'An imported feed lists the site as a scam (fake shops, fake investments, impersonated projects).',
  recommendation: 'Do not connect a wallet or send assets to this site.',
});
