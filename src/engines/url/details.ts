/**
 * The risk_detail vocabulary of the HashDit URL API (seed 004), with its
 * wording. `X` is filled in by the check that triggers.
 */
export const DETAIL_NAMES = [
  'scam_report',
  'risk_report',
  'phishing_report',
  'threat_researcher',
  'spam_researcher',
  'similarity_detection',
  'malware_detection',
  'phishing_detection',
  'creation_time_verification',
  'owner_verification',
  'expiration_time_verification',
] as const;

export type DetailName = (typeof DETAIL_NAMES)[number];

export interface RiskDetail {
  name: DetailName;
  value: string;
}

export const REPORT_DETAILS = [
  'scam_report',
  'risk_report',
  'phishing_report',
  'threat_researcher',
  'spam_researcher',
  'malware_detection',
] as const satisfies readonly DetailName[];
export type ReportDetail = (typeof REPORT_DETAILS)[number];

export const DETAIL_TEXT = {
  scam_report:
    'The website has been reported to convince victims to send assets for items that look legitimate.',
  risk_report: 'The website has been reported as risky.',
  phishing_report: 'The website has been reported to be phishing lures.',
  threat_researcher: 'The website is referenced in reports by threat researchers.',
  spam_researcher: 'The website is linked with Adware, Spam, and/or other unwanted content.',
  similarity_detection:
    'The website name or content matches a potential typosquatting target domain with an existing similarity pattern.',
  malware_detection: 'The website was distributed or was connected to malware.',
  phishing_detection: 'The website is convicted as malicious by technical analysis.',
  creation_time_verification: (days: number) => `The website creation time is very recent (${days} days).`,
  owner_hidden: 'The owner of the website name is hidden.',
  owner_risky: 'The owner of the website name is risky.',
  expiration_soon: (days: number) => `Short life expectancy website(${days} days left).`,
  expired: 'The website is expired.',
} as const;
