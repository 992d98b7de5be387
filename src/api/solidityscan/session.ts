import type { Logger } from 'pino';
import type { Principal } from '../../core/auth/types.js';
import { isVigilError, toVigilError, type VigilError } from '../../core/errors.js';
import type { Job } from '../../core/jobs/types.js';
import { FINAL_STATES } from '../../core/jobs/types.js';
import type { VigilRuntime } from '../../core/runtime-types.js';
import { errorPayload, failureStatus } from './errors.js';
import { explorerPresentation } from './platform-defaults.js';
import {
  EVENT_TYPES,
  inboundEnvelope,
  MESSAGE_TYPES,
  newRequestUuid,
  type OutboundEvent,
  outbound,
  REGISTERED_MESSAGE,
  registerBody,
  SCAN_STATUS,
  type ScanInitiateBody,
  scanInitiateBody,
} from './protocol.js';
import { type ContractScanResultLike, projectId, scanDetails } from './report.js';

export interface SessionOptions {
  runtime: VigilRuntime;
  /** Delivers one event to the client; must not throw (a closed socket drops it). */
  send(event: OutboundEvent): void;
  log: Logger;
  /** Interval of `quick_scan_status` progress events while a scan runs (the vendor's clients give up after 60 s of silence). */
  progressIntervalMs: number;
  /** Scans one connection may have running at once. */
  maxActiveScans: number;
}

interface ActiveScan {
  uuid: string;
  jobId: string;
  projectId: string;
  body: ScanInitiateBody;
  isQuickScan: boolean;
  stop(): void;
}

/** Codes that mean the registered token no longer grants anything. */
const TOKEN_DEAD = new Set(['AUTH_INVALID', 'AUTH_REVOKED', 'AUTH_EXPIRED', 'FORBIDDEN_ROLE']);

/**
 * One WebSocket connection's state machine: anonymous until a token is
 * registered, then any number of concurrent scans, each identified by its own
 * request_uuid. Closing the session stops event delivery only: submitted jobs
 * keep running and stay retrievable through /v1/scans/{id}.
 */
export class ScanSession {
  private token: string | undefined;
  private readonly scans = new Map<string, ActiveScan>();
  private closed = false;

  constructor(private readonly opts: SessionOptions) {}

  get activeScans(): number {
    return this.scans.size;
  }

  close(): void {
    this.closed = true;
    for (const scan of this.scans.values()) scan.stop();
    this.scans.clear();
  }

  private emit(type: string, uuid: string, payload: Record<string, unknown>): void {
    if (!this.closed) this.opts.send(outbound(type, uuid, payload));
  }

  private error(
    uuid: string,
    err: VigilError | { code: string; message: string },
    extra: Record<string, unknown> = {},
  ): void {
    this.emit(EVENT_TYPES.error, uuid, errorPayload(err.code, err.message, extra));
  }

  /** Handles one text frame. Never throws: every problem becomes an `error` event. */
  async handle(raw: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.error(newRequestUuid(), {
        code: 'MALFORMED_JSON',
        message: 'The message is not valid JSON.',
      });
    }
    const envelope = inboundEnvelope.safeParse(json);
    if (!envelope.success) {
      return this.error(newRequestUuid(), {
        code: 'VALIDATION_FAILED',
        message: 'Expected {"action":"message","payload":{"type":"...","body":{...}}}.',
      });
    }
    const { type, body } = envelope.data.payload;
    try {
      switch (type) {
        case MESSAGE_TYPES.register:
          return await this.register(body);
        case MESSAGE_TYPES.threatScan:
          return await this.initiate(body, false);
        case MESSAGE_TYPES.quickScan:
          return await this.initiate(body, true);
        case MESSAGE_TYPES.ping:
          return this.emit(EVENT_TYPES.pong, newRequestUuid(), { message: 'pong' });
        default:
          return this.error(newRequestUuid(), {
            code: 'UNKNOWN_MESSAGE_TYPE',
            message: `Unknown message type "${type}". Supported: ${[MESSAGE_TYPES.register, MESSAGE_TYPES.threatScan, MESSAGE_TYPES.quickScan].join(', ')}.`,
          });
      }
    } catch (err) {
      const e = toVigilError(err);
      if (!isVigilError(err)) this.opts.log.error({ err }, 'solidityscan message failed');
      this.error(
        newRequestUuid(),
        e.status >= 500 && !isVigilError(err) ? { code: 'INTERNAL', message: 'Internal error.' } : e,
      );
    }
  }

  private async register(body: Record<string, unknown>): Promise<void> {
    const uuid = newRequestUuid();
    const parsed = registerBody.safeParse(body);
    if (!parsed.success) {
      return this.error(uuid, { code: 'VALIDATION_FAILED', message: 'body.auth_token is required.' });
    }
    // A failed (re-)registration leaves the connection without scan rights.
    this.token = undefined;
    try {
      const principal = await this.opts.runtime.auth.authenticateBearer(parsed.data.auth_token);
      this.opts.runtime.auth.authorize(principal, 'reporter');
      this.token = parsed.data.auth_token;
    } catch (err) {
      return this.error(uuid, toVigilError(err));
    }
    this.emit(EVENT_TYPES.register, uuid, { message: REGISTERED_MESSAGE });
  }

  private async initiate(body: Record<string, unknown>, isQuickScan: boolean): Promise<void> {
    const parsed = scanInitiateBody.safeParse(body);
    const uuid = parsed.success && parsed.data.request_uuid ? parsed.data.request_uuid : newRequestUuid();
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      return this.error(uuid, {
        code: 'VALIDATION_FAILED',
        message: `Invalid scan request: ${issues.join('; ')}.`,
      });
    }
    if (!this.token) {
      return this.error(uuid, {
        code: 'AUTH_MISSING',
        message: 'Register an auth token first (auth_token_register).',
      });
    }
    if (this.scans.has(uuid)) {
      return this.error(uuid, {
        code: 'VALIDATION_FAILED',
        message: `request_uuid ${uuid} is already in use on this connection.`,
      });
    }
    if (this.scans.size >= this.opts.maxActiveScans) {
      return this.error(uuid, {
        code: 'RATE_LIMITED',
        message: `At most ${this.opts.maxActiveScans} scans may run at once on one connection.`,
      });
    }
    const { runtime } = this.opts;
    let principal: Principal;
    try {
      // Each scan is a request: revocation, expiry, rate limits and quotas apply to it.
      principal = await runtime.auth.authenticateBearer(this.token);
      runtime.auth.authorize(principal, 'reporter');
    } catch (err) {
      const e = toVigilError(err);
      if (TOKEN_DEAD.has(e.code)) this.token = undefined;
      return this.error(uuid, e);
    }

    const target = `${parsed.data.contract_platform.toLowerCase()}/${parsed.data.contract_chain.toLowerCase()}/${parsed.data.contract_address}`;
    let job: Job;
    try {
      ({ job } = await runtime.jobs.submit({
        kind: 'contract',
        target,
        options: {},
        ownerAppId: principal.appId,
      }));
    } catch (err) {
      const e = toVigilError(err);
      return this.error(uuid, e, { scan_status: failureStatus(e.code) });
    }
    const scan: ActiveScan = {
      uuid,
      jobId: job.id,
      projectId: projectId(target),
      body: parsed.data,
      isQuickScan,
      stop: () => {},
    };
    this.scans.set(uuid, scan);
    this.emit(EVENT_TYPES.acknowledge, uuid, {
      message: 'Scan request acknowledged.',
      scan_id: job.id,
      project_id: scan.projectId,
      scan_status: SCAN_STATUS.queued,
      contract_address: scan.body.contract_address,
      contract_platform: scan.body.contract_platform,
      contract_chain: scan.body.contract_chain,
    });
    this.follow(scan);
  }

  /** Streams progress for one scan until its job is final; a timer re-sends the latest state so silence never exceeds the interval. */
  private follow(scan: ActiveScan): void {
    const { runtime } = this.opts;
    let last: Job | undefined;
    let lastSent = '';
    let finished = false;

    const progress = (job: Job, force: boolean): void => {
      const status = job.state === 'running' ? SCAN_STATUS.inProgress : SCAN_STATUS.queued;
      const key = `${status}:${job.progress}:${job.step ?? ''}`;
      if (!force && key === lastSent) return;
      lastSent = key;
      this.emit(EVENT_TYPES.status, scan.uuid, {
        scan_id: scan.jobId,
        scan_status: status,
        project_id: scan.projectId,
        progress: job.progress,
        step: job.step ?? (job.state === 'running' ? 'starting' : 'queued'),
        scan_details: this.partialDetails(scan, status),
      });
    };

    const finish = (job: Job): void => {
      if (finished) return;
      finished = true;
      stop();
      this.scans.delete(scan.uuid);
      if (job.state === 'done') this.sendDone(scan, job);
      else this.sendFailed(scan, job);
    };

    const onJob = (job: Job): void => {
      last = job;
      if (FINAL_STATES.includes(job.state)) {
        // Watch events carry the in-memory job; the stored one has the result.
        void runtime.jobs.get(job.id).then(
          (stored) => finish(stored ?? job),
          () => finish(job),
        );
      } else progress(job, false);
    };

    const unsubscribe = runtime.jobs.watch(scan.jobId, onJob);
    const timer = setInterval(() => {
      void runtime.jobs.get(scan.jobId).then(
        (job) => {
          if (!job || finished) return;
          if (FINAL_STATES.includes(job.state)) return onJob(job);
          // The in-memory progress is fresher than the store's throttled copy.
          progress(last && last.updatedAt > job.updatedAt ? last : job, true);
        },
        (err: unknown) => this.opts.log.warn({ err, jobId: scan.jobId }, 'progress poll failed'),
      );
    }, this.opts.progressIntervalMs);
    timer.unref();
    const stop = (): void => {
      unsubscribe();
      clearInterval(timer);
    };
    scan.stop = stop;
    // The job may already be final (a deduplicated earlier scan) or have moved before we subscribed.
    void runtime.jobs.get(scan.jobId).then(
      (job) => job && onJob(job),
      () => undefined,
    );
  }

  private partialDetails(scan: ActiveScan, status: string): Record<string, unknown> {
    return {
      contract_address: scan.body.contract_address,
      contract_chain: scan.body.contract_chain,
      contract_platform: scan.body.contract_platform,
      is_quick_scan: true,
      multi_file_scan_status: status,
    };
  }

  private presentation(scan: ActiveScan) {
    return explorerPresentation(
      this.opts.runtime.config,
      scan.body.contract_platform.toLowerCase(),
      scan.body.contract_chain.toLowerCase(),
      scan.body.contract_address,
    );
  }

  private sendDone(scan: ActiveScan, job: Job): void {
    const result = job.result as ContractScanResultLike | null;
    if (!result || !Array.isArray(result.findings) || !result.summary) {
      this.sendFailed(scan, { failureCode: 'ENGINE_FAILED', failureMessage: 'The scan produced no report.' });
      return;
    }
    const { contractUrl, currency } = this.presentation(scan);
    const seconds =
      job.startedAt !== null && job.finishedAt !== null ? (job.finishedAt - job.startedAt) / 1000 : 0;
    this.emit(EVENT_TYPES.status, scan.uuid, {
      scan_id: scan.jobId,
      scan_status: SCAN_STATUS.done,
      project_id: scan.projectId,
      scan_details: scanDetails(result, {
        scanId: scan.jobId,
        platform: scan.body.contract_platform,
        chain: scan.body.contract_chain,
        address: scan.body.contract_address,
        contractUrl,
        currency,
        scanTimeSeconds: seconds,
      }),
    });
  }

  /**
   * A failed scan gets its final `quick_scan_status` (download_failed or
   * scan_failed) for clients that follow statuses, then an `error` event for
   * clients that only settle on errors.
   */
  private sendFailed(scan: ActiveScan, job: Pick<Job, 'failureCode' | 'failureMessage'>): void {
    const code = job.failureCode ?? 'ENGINE_FAILED';
    const message = job.failureMessage ?? 'The scan failed.';
    const status = failureStatus(code);
    this.emit(EVENT_TYPES.status, scan.uuid, {
      scan_id: scan.jobId,
      scan_status: status,
      project_id: scan.projectId,
      scan_status_err_message: message,
      error_code: code,
      scan_details: this.partialDetails(scan, status),
    });
    this.error(scan.uuid, { code, message }, { scan_id: scan.jobId, scan_status: status });
  }
}
