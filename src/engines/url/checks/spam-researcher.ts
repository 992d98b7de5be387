import { reportCheck } from './report-check.js';

export default reportCheck('spam_researcher', 2, {
  title: 'Adware, spam or unwanted content',
  severity: 'medium',
  description: 'A feed links the site with adware, spam or potentially unwanted content.',
  recommendation: 'Avoid the site; it is unlikely to be the dApp the user intended.',
});
