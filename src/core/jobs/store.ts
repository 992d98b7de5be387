import type { Db, SqlParam } from '../db/types.js';
import type { Job, JobListFilter, JobOptions, JobState } from './types.js';

interface JobRow {
  id: string;
  kind: string;
  target: string;
  options: string;
  dedupe_key: string;
  owner_app_id: string | null;
  state: JobState;
  progress: number;
  step: string | null;
  attempts: number;
  max_attempts: number;
  failure_code: string | null;
  failure_message: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  run_after: number;
}

function fromRow(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    target: row.target,
    options: JSON.parse(row.options) as JobOptions,
    dedupeKey: row.dedupe_key,
    ownerAppId: row.owner_app_id,
    state: row.state,
    progress: Number(row.progress),
    step: row.step,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    startedAt: row.started_at === null ? null : Number(row.started_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    runAfter: Number(row.run_after),
  };
}

const ACTIVE_SQL = "('new','queued','running')";

/** Persistence of jobs on the portable Db. Every state change is a single conditional UPDATE. */
export class JobStore {
  constructor(private readonly db: Db) {}

  async insert(job: Job, db: Db = this.db): Promise<void> {
    await db.exec(
      `INSERT INTO jobs (id, kind, target, options, dedupe_key, owner_app_id, state, progress, step, attempts,
        max_attempts, failure_code, failure_message, result, created_at, updated_at, started_at, finished_at, run_after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        job.id,
        job.kind,
        job.target,
        JSON.stringify(job.options),
        job.dedupeKey,
        job.ownerAppId,
        job.state,
        job.progress,
        job.step,
        job.attempts,
        job.maxAttempts,
        job.failureCode,
        job.failureMessage,
        job.result === null ? null : JSON.stringify(job.result),
        job.createdAt,
        job.updatedAt,
        job.startedAt,
        job.finishedAt,
        job.runAfter,
      ],
    );
  }

  async get(id: string, db: Db = this.db): Promise<Job | undefined> {
    const row = await db.one<JobRow>('SELECT * FROM jobs WHERE id = ?', [id]);
    return row ? fromRow(row) : undefined;
  }

  /** An equivalent job that is still active, or finished successfully since `since`. */
  async findDuplicate(dedupeKey: string, since: number, db: Db = this.db): Promise<Job | undefined> {
    const row = await db.one<JobRow>(
      `SELECT * FROM jobs WHERE dedupe_key = ? AND created_at >= ?
         AND (state IN ${ACTIVE_SQL} OR state = 'done')
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [dedupeKey, since],
    );
    return row ? fromRow(row) : undefined;
  }

  async findLatest(
    kind: string,
    target: string,
    since: number,
    states: JobState[],
  ): Promise<Job | undefined> {
    const marks = states.map(() => '?').join(',');
    const row = await this.db.one<JobRow>(
      `SELECT * FROM jobs WHERE kind = ? AND target = ? AND created_at >= ? AND state IN (${marks})
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [kind, target, since, ...states],
    );
    return row ? fromRow(row) : undefined;
  }

  async list(filter: JobListFilter): Promise<Job[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    if (filter.ownerAppId) {
      where.push('owner_app_id = ?');
      params.push(filter.ownerAppId);
    }
    if (filter.target) {
      where.push('target = ?');
      params.push(filter.target);
    }
    if (filter.before) {
      const [created, id] = filter.before.split(':');
      where.push('(created_at < ? OR (created_at = ? AND id < ?))');
      params.push(Number(created), Number(created), id ?? '');
    }
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const rows = await this.db.query<JobRow>(
      `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
      params,
    );
    return rows.map(fromRow);
  }

  async markQueued(id: string, now: number): Promise<boolean> {
    const r = await this.db.exec(
      "UPDATE jobs SET state = 'queued', updated_at = ? WHERE id = ? AND state = 'new'",
      [now, id],
    );
    return r.changes > 0;
  }

  /**
   * Takes a job for running: from new/queued, or from running when a queue
   * re-delivers a stalled job — but only while attempts remain, so a job that
   * keeps killing its workers cannot loop. Counts the attempt. Undefined when
   * the job is final (cancelled, done), out of attempts, or unknown.
   */
  async claim(id: string, now: number): Promise<Job | undefined> {
    const row = await this.db.one<JobRow>(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, started_at = ?, updated_at = ?,
         failure_code = NULL, failure_message = NULL
       WHERE id = ? AND (state IN ('new','queued') OR (state = 'running' AND attempts < max_attempts))
       RETURNING *`,
      [now, now, id],
    );
    return row ? fromRow(row) : undefined;
  }

  /** Running jobs not updated since `before` (their worker and queue entry may both be gone). */
  async staleRunning(before: number): Promise<Job[]> {
    const rows = await this.db.query<JobRow>(
      "SELECT * FROM jobs WHERE state = 'running' AND updated_at < ? ORDER BY updated_at ASC LIMIT 500",
      [before],
    );
    return rows.map(fromRow);
  }

  async progress(id: string, progress: number, step: string | null, now: number): Promise<void> {
    await this.db.exec(
      "UPDATE jobs SET progress = ?, step = COALESCE(?, step), updated_at = ? WHERE id = ? AND state = 'running'",
      [progress, step, now, id],
    );
  }

  async complete(id: string, result: unknown, now: number): Promise<boolean> {
    const r = await this.db.exec(
      `UPDATE jobs SET state = 'done', progress = 100, result = ?, finished_at = ?, updated_at = ?
       WHERE id = ? AND state = 'running'`,
      [JSON.stringify(result ?? null), now, now, id],
    );
    return r.changes > 0;
  }

  async fail(id: string, code: string, message: string, now: number): Promise<boolean> {
    const r = await this.db.exec(
      `UPDATE jobs SET state = 'failed', failure_code = ?, failure_message = ?, finished_at = ?, updated_at = ?
       WHERE id = ? AND state IN ${ACTIVE_SQL}`,
      [code, message, now, now, id],
    );
    return r.changes > 0;
  }

  /** Back to queued (retry or shutdown). `refundAttempt` undoes the attempt count for interrupted runs. */
  async requeue(
    id: string,
    runAfter: number,
    now: number,
    reason: { code: string; message: string } | null,
    refundAttempt = false,
  ): Promise<boolean> {
    const r = await this.db.exec(
      `UPDATE jobs SET state = 'queued', run_after = ?, updated_at = ?, failure_code = ?, failure_message = ?,
         attempts = attempts - ?
       WHERE id = ? AND state = 'running'`,
      [runAfter, now, reason?.code ?? null, reason?.message ?? null, refundAttempt ? 1 : 0, id],
    );
    return r.changes > 0;
  }

  async active(): Promise<Job[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT * FROM jobs WHERE state IN ${ACTIVE_SQL} ORDER BY created_at ASC, id ASC`,
    );
    return rows.map(fromRow);
  }

  async countByKindAndState(): Promise<{ kind: string; state: JobState; count: number }[]> {
    const rows = await this.db.query<{ kind: string; state: JobState; count: number }>(
      'SELECT kind, state, COUNT(*) AS count FROM jobs GROUP BY kind, state',
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }
}
