/**
 * Every address range that is not ordinary public unicast. Scans, webhooks and
 * page fetches refuse these unless the operator allows them explicitly in
 * config `targetPolicy.allow`. Sources: IANA IPv4/IPv6 Special-Purpose Address
 * Registries (RFC 6890 and updates), plus cloud metadata endpoints. More
 * specific entries come first so the reported name is precise; IPv4-mapped
 * IPv6 (::ffff:a.b.c.d) is unwrapped by the policy and checked as IPv4.
 */
export interface NamedRange {
  cidr: string;
  name: string;
}

export const NON_PUBLIC_RANGES: readonly NamedRange[] = [
  // IPv4
  { cidr: '0.0.0.0/8', name: 'this-network' }, // 0.0.0.0 reaches localhost on Linux
  { cidr: '10.0.0.0/8', name: 'private' },
  { cidr: '100.64.0.0/10', name: 'carrier-grade-nat' },
  { cidr: '127.0.0.0/8', name: 'loopback' },
  { cidr: '169.254.169.254/32', name: 'cloud-metadata' },
  { cidr: '169.254.0.0/16', name: 'link-local' },
  { cidr: '172.16.0.0/12', name: 'private' },
  { cidr: '192.0.0.0/24', name: 'ietf-protocol-assignments' },
  { cidr: '192.0.2.0/24', name: 'documentation' },
  { cidr: '192.31.196.0/24', name: 'as112' },
  { cidr: '192.52.193.0/24', name: 'amt' },
  { cidr: '192.88.99.0/24', name: '6to4-relay' },
  { cidr: '192.168.0.0/16', name: 'private' },
  { cidr: '192.175.48.0/24', name: 'as112' },
  { cidr: '198.18.0.0/15', name: 'benchmarking' },
  { cidr: '198.51.100.0/24', name: 'documentation' },
  { cidr: '203.0.113.0/24', name: 'documentation' },
  { cidr: '224.0.0.0/4', name: 'multicast' },
  { cidr: '255.255.255.255/32', name: 'broadcast' },
  { cidr: '240.0.0.0/4', name: 'reserved' },
  // IPv6
  { cidr: '::/128', name: 'unspecified' },
  { cidr: '::1/128', name: 'loopback' },
  { cidr: '::/96', name: 'ipv4-compatible' },
  { cidr: '64:ff9b::/96', name: 'nat64' }, // embeds an IPv4 address that may be private
  { cidr: '64:ff9b:1::/48', name: 'nat64-local' },
  { cidr: '100::/64', name: 'discard-only' },
  { cidr: '2001::/23', name: 'ietf-protocol-assignments' }, // includes Teredo, ORCHID, benchmarking
  { cidr: '2001:db8::/32', name: 'documentation' },
  { cidr: '2002::/16', name: '6to4' }, // embeds an IPv4 address that may be private
  { cidr: '3fff::/20', name: 'documentation' },
  { cidr: '5f00::/16', name: 'srv6-sid' },
  { cidr: 'fd00:ec2::254/128', name: 'cloud-metadata' },
  { cidr: 'fc00::/7', name: 'unique-local' },
  { cidr: 'fe80::/10', name: 'link-local' },
  { cidr: 'fec0::/10', name: 'site-local' },
  { cidr: 'ff00::/8', name: 'multicast' },
];
