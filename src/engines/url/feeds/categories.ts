import { VigilError } from '../../../core/errors.js';
import { REPORT_DETAILS, type ReportDetail } from '../details.js';

/**
 * Feed categories → the seed's report checks. Operators tag a feed with a
 * category (`--category phishing`); CSV/JSON feeds may carry one per entry.
 */
const CATEGORY_MAP: Record<string, ReportDetail> = {
  phishing: 'phishing_report',
  phish: 'phishing_report',
  drainer: 'phishing_report',
  scam: 'scam_report',
  fraud: 'scam_report',
  'fake-shop': 'scam_report',
  risk: 'risk_report',
  risky: 'risk_report',
  suspicious: 'risk_report',
  threat: 'threat_researcher',
  ioc: 'threat_researcher',
  c2: 'threat_researcher',
  research: 'threat_researcher',
  spam: 'spam_researcher',
  adware: 'spam_researcher',
  pup: 'spam_researcher',
  unwanted: 'spam_researcher',
  malware: 'malware_detection',
  ransomware: 'malware_detection',
  exploit: 'malware_detection',
};

export const KNOWN_CATEGORIES: readonly string[] = [...Object.keys(CATEGORY_MAP), ...REPORT_DETAILS];

export function categoryToDetail(category: string): ReportDetail {
  const key = category.trim().toLowerCase().replaceAll('_', '-');
  const direct = (REPORT_DETAILS as readonly string[]).find((d) => d === category.trim().toLowerCase());
  if (direct) return direct as ReportDetail;
  const mapped = CATEGORY_MAP[key];
  if (!mapped) {
    throw new VigilError('VALIDATION_FAILED', `Unknown feed category "${category}"`, {
      details: { category, known: KNOWN_CATEGORIES },
    });
  }
  return mapped;
}
