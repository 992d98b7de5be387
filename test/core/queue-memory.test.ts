import { MemoryQueue } from '../../src/core/queue/memory.js';
import { runQueueContract } from '../contract/queue-contract.js';

runQueueContract('in-process', async () => new MemoryQueue());
