import { defineTlsCheck } from './define-check.js';

export default defineTlsCheck({
  id: 'tls-hostname-mismatch',
  title: 'Certificate does not match the host name',
  severity: 'high',
  confidence: 'high',
  description:
    'Neither the subjectAltName entries nor the common name of the certificate cover the scanned host name (or IP address), so clients that verify names reject the connection.',
  recommendation:
    'Serve a certificate whose subjectAltName lists every name (and IP, if clients connect by IP) the service is reached under.',
  evaluate(obs) {
    const leaf = obs.chain[0];
    if (!leaf || obs.hostnameError === null) return null;
    return {
      message: `Certificate is not valid for ${obs.serverName}: ${obs.hostnameError}`,
      evidence: {
        serverName: obs.serverName,
        dnsNames: leaf.dnsNames,
        ipAddresses: leaf.ipAddresses,
        commonName: leaf.commonName ?? null,
      },
    };
  },
});
