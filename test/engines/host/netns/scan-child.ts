// Runs inside a network namespace made by netns.test.ts: scans the addresses given on the command line
// and prints the results as one JSON line. Only the test's own 10.9.9.0/24 link is allowed.
import { createTargetPolicy } from '../../../../src/core/net/target-policy.js';
import { scanTcpPorts } from '../../../../src/engines/host/scan/tcp-connect-scan.js';

interface Job {
  address: string;
  ports: number[];
}

const jobs = JSON.parse(process.argv[2] ?? '[]') as Job[];
const policy = createTargetPolicy({ allow: ['10.9.9.0/24'], deny: [] });
const results = [];
for (const job of jobs) {
  results.push(
    await scanTcpPorts(policy, job.address, {
      ports: job.ports,
      timeoutMs: 400,
      minTimeoutMs: 400,
      retries: 1,
    }),
  );
}
console.log(JSON.stringify(results));
