/** The SPDX identifier of the first `SPDX-License-Identifier:` comment, or `None` (the explorers' word for it). */
export function spdxLicense(source: string | undefined): string {
  const match = source?.match(/SPDX-License-Identifier:\s*([^\s*]+)/);
  return match?.[1] ?? 'None';
}
