import creationTime from './creation-time-verification.js';
import expirationTime from './expiration-time-verification.js';
import malwareDetection from './malware-detection.js';
import ownerVerification from './owner-verification.js';
import phishingDetection from './phishing-detection.js';
import phishingReport from './phishing-report.js';
import riskReport from './risk-report.js';
import scamReport from './scam-report.js';
import similarityDetection from './similarity-detection.js';
import spamResearcher from './spam-researcher.js';
import threatResearcher from './threat-researcher.js';
import type { UrlCheck } from './types.js';

/** Every URL check, in the seed's order. Docs are generated from this list. */
export const URL_CHECKS: readonly UrlCheck[] = [
  scamReport,
  riskReport,
  phishingReport,
  threatResearcher,
  spamResearcher,
  similarityDetection,
  malwareDetection,
  phishingDetection,
  creationTime,
  ownerVerification,
  expirationTime,
];
