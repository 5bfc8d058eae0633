import { Types } from 'mongoose';
import { AuditEventModel } from './audit-event.model';
import type { Logger } from '../logger';

/** The comment the writer's inserts carry: a background write, not a request's round trip. */
export const AUDIT_WRITER_COMMENT = 'background: audit writer';

const MAX_BATCH = 500;
const RETRY_BASE_MS = 200;
const RETRY_MAX_MS = 10_000;

export type AuditDoc = Record<string, unknown> & { _id: Types.ObjectId };

/**
 * Audit events are written after the answer, not on the request's path: a request hands its event over
 * (no round trip) and the writer inserts what is waiting in one insertMany, one batch at a time, so
 * under load many requests share one write. A failed batch stays queued and is tried again with
 * back-off; a graceful shutdown waits for the queue (main calls `drain`); /healthz shows `pending`.
 * Reads of the trail (undo, history) wait for what this process still holds, so they see every event.
 */
export class AuditWriter {
  private queue: AuditDoc[] = [];
  private running: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private log: Pick<Logger, 'warn'> | undefined;

  constructor(private readonly write: (docs: AuditDoc[]) => Promise<void>) {}

  useLogger(log: Pick<Logger, 'warn'>): void {
    this.log = log;
  }

  add(doc: AuditDoc): void {
    this.queue.push(doc);
    if (!this.retryTimer) this.start();
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once every event handed over so far is written (tries again at once after a failure). */
  async settled(): Promise<void> {
    while (this.queue.length || this.running) {
      this.wake();
      await this.start();
      if (this.retryTimer) throw new Error('audit events could not be written yet');
    }
  }

  /** Waits up to `ms` for the queue to empty; false (with events still queued) when it did not. */
  async drain(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (this.queue.length && Date.now() < until) {
      await this.settled().catch(() => new Promise((r) => setTimeout(r, Math.min(RETRY_BASE_MS, Math.max(0, until - Date.now())))));
    }
    return this.queue.length === 0;
  }

  private wake(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private start(): Promise<void> {
    this.running ??= this.flushAll().finally(() => {
      this.running = undefined;
      // An event handed over while the last batch was finishing.
      if (this.queue.length && !this.retryTimer) void this.start();
    });
    return this.running;
  }

  private async flushAll(): Promise<void> {
    // Let the request that handed over an event answer first.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length) {
      const batch = this.queue.slice(0, MAX_BATCH);
      try {
        await this.write(batch);
        this.queue.splice(0, batch.length);
        this.failures = 0;
      } catch (err) {
        this.failures++;
        const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failures - 1));
        this.log?.warn({ err, pending: this.queue.length, retryInMs: wait }, 'audit events not written yet; trying again');
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          void this.start();
        }, wait);
        this.retryTimer.unref();
        return;
      }
    }
  }
}

/** Inserts a batch; a row already there (a retry after a lost answer) is not written twice. */
async function insertBatch(docs: AuditDoc[]): Promise<void> {
  try {
    await AuditEventModel.collection.insertMany(docs, { ordered: false, comment: AUDIT_WRITER_COMMENT });
  } catch (err) {
    const errors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
    if (errors && errors.every((e) => e.code === 11000)) return;
    throw err;
  }
}

export const auditWriter = new AuditWriter(insertBatch);
export const newAuditId = () => new Types.ObjectId();
