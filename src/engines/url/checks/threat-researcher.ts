import { reportCheck } from './report-check.js';

export default reportCheck('threat_researcher', 4, {
  title: 'Referenced by threat researchers',
  severity: 'high',
  description: 'A threat-intelligence feed (IOC lists, research reports) references the site.',
  recommendation: 'Treat the site as hostile infrastructure.',
});
