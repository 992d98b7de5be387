import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VigilError } from '../../../core/errors.js';

/**
 * The RDAP bootstrap registry (RFC 9224 `dns.json`): which RDAP servers serve
 * which TLDs. Shipped as data (IANA's list as vendored in `data/`), replaceable
 * with config `url.rdapBootstrapFile`; tests inject one pointing at a local server.
 */
const schema = z.object({
  version: z.string().optional(),
  publication: z.string().optional(),
  services: z.array(z.tuple([z.array(z.string()), z.array(z.string())])),
});
export type BootstrapFile = z.infer<typeof schema>;

export const DEFAULT_BOOTSTRAP_FILE = fileURLToPath(new URL('../data/rdap-bootstrap.json', import.meta.url));

export class RdapBootstrap {
  private readonly byTld = new Map<string, string[]>();

  constructor(file: BootstrapFile) {
    for (const [tlds, urls] of file.services) {
      // Prefer https servers; keep http ones as fallbacks (some registries still publish only http).
      const ordered = [...urls].sort(
        (a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')),
      );
      for (const tld of tlds) this.byTld.set(tld.toLowerCase(), ordered);
    }
  }

  static parse(raw: unknown, source = 'bootstrap'): RdapBootstrap {
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      throw new VigilError('CONFIG_INVALID', `${source}: not an RDAP bootstrap file (RFC 9224 dns.json)`);
    return new RdapBootstrap(parsed.data);
  }

  static load(file = DEFAULT_BOOTSTRAP_FILE): RdapBootstrap {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new VigilError('CONFIG_INVALID', `Cannot read RDAP bootstrap ${file}: ${(err as Error).message}`);
    }
    return RdapBootstrap.parse(raw, file);
  }

  get tldCount(): number {
    return this.byTld.size;
  }

  /** Base URLs for the longest matching TLD label set of `domain` (RFC 9224 longest match). */
  serversFor(domain: string): string[] {
    const labels = domain.toLowerCase().split('.');
    for (let i = 1; i < labels.length; i++) {
      const hit = this.byTld.get(labels.slice(i).join('.'));
      if (hit) return hit;
    }
    return [];
  }
}
