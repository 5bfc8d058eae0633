import { AsyncResource } from 'node:async_hooks';
/** At most `limit` tasks may finish within any `ms` long sliding window. */
export interface RateWindow {
  limit: number;
  ms: number;
}

export interface PacerOptions {
  windows: RateWindow[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Does a task that failed with this error still use up a slot? Default: yes (it may have arrived). */
  countsFailure?: (err: unknown) => boolean;
}

interface Lane {
  queue: Array<() => Promise<void>>;
  /** Completion times of earlier tasks, oldest first. */
  doneAt: number[];
  busy: boolean;
}

/**
 * Runs tasks one at a time per key (a WeCom member, a webhook) and keeps each key under sliding-window
 * limits. WeCom drops messages over its per-member limits without an error, so we must wait rather
 * than send and hope; tasks of one key run in order, and keys never wait for each other.
 */
export class Pacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly horizon: number;
  private unfinished = 0;
  private lastSweep: number;

  constructor(private readonly opts: PacerOptions) {
    this.horizon = Math.max(0, ...opts.windows.map((w) => w.ms));
    this.lastSweep = opts.now();
  }

  schedule<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.sweep();
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { queue: [], doneAt: [], busy: false };
      this.lanes.set(key, lane);
    }
    const target = lane;
    this.unfinished++;
    // The task runs later, inside whichever caller's drain loop: it keeps its own caller's context
    // (the request id its log lines carry).
    const run = AsyncResource.bind(task);
    return new Promise<T>((resolve, reject) => {
      target.queue.push(async () => {
        // Counted at completion, not at start: WeCom received the message before it answered, so
        // our timestamp is never earlier than WeCom's and the window can only err on the safe side.
        try {
          const value = await run();
          target.doneAt.push(this.opts.now());
          resolve(value);
        } catch (err) {
          if (this.opts.countsFailure?.(err) ?? true) target.doneAt.push(this.opts.now());
          reject(err);
        } finally {
          this.unfinished--;
        }
      });
      if (!target.busy) void this.drain(target);
    });
  }

  /** Tasks accepted but not finished (queued or in flight). */
  pending(): number {
    return this.unfinished;
  }

  private async drain(lane: Lane): Promise<void> {
    lane.busy = true;
    try {
      for (let job = lane.queue.shift(); job; job = lane.queue.shift()) {
        await this.waitForSlot(lane);
        await job(); // never throws: the job settles its own promise
      }
    } finally {
      lane.busy = false;
    }
  }

  private async waitForSlot(lane: Lane): Promise<void> {
    for (let wait = this.delay(lane); wait > 0; wait = this.delay(lane)) {
      await this.opts.sleep(wait);
    }
  }

  /** How long until one more task fits every window (0 = now). */
  private delay(lane: Lane): number {
    const now = this.opts.now();
    prune(lane, now - this.horizon);
    let wait = 0;
    for (const { limit, ms } of this.opts.windows) {
      const recent = lane.doneAt.filter((t) => t > now - ms);
      // The task that is `limit` places back has to leave the window first.
      if (recent.length >= limit) wait = Math.max(wait, recent[recent.length - limit] + ms - now);
    }
    return wait;
  }

  // Forget idle keys whose history has aged out, so a long-running process does not keep every member
  // it ever messaged.
  private sweep(): void {
    const now = this.opts.now();
    if (now - this.lastSweep < this.horizon) return;
    this.lastSweep = now;
    for (const [key, lane] of this.lanes) {
      if (lane.busy || lane.queue.length > 0) continue;
      prune(lane, now - this.horizon);
      if (lane.doneAt.length === 0) this.lanes.delete(key);
    }
  }
}

function prune(lane: Lane, before: number): void {
  const keepFrom = lane.doneAt.findIndex((t) => t > before);
  lane.doneAt.splice(0, keepFrom === -1 ? lane.doneAt.length : keepFrom);
}
