import { after, test } from 'node:test';
import { BullmqQueue } from '../../src/core/queue/bullmq.js';
import { runQueueContract } from '../contract/queue-contract.js';
import { dropRedisPrefix, REDIS_URL, redisSkip, uniqueName } from './services.js';

// The same queue contract the in-process queue passes (test/core/queue-memory.test.ts), on BullMQ and a real Redis.
const skip = await redisSkip();
if (skip) {
  test('Queue contract: BullMQ', { skip }, () => {});
} else {
  const prefixes: string[] = [];
  after(async () => {
    for (const prefix of prefixes) await dropRedisPrefix(prefix);
  });
  runQueueContract('BullMQ (Redis)', async () => {
    const prefix = uniqueName('contract');
    prefixes.push(prefix);
    const queue = new BullmqQueue({ url: REDIS_URL, prefix, kinds: ['qa', 'narrow'] });
    await queue.ready();
    return queue;
  });
}
