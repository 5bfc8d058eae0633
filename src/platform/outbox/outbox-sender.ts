import { randomUUID } from 'node:crypto';
import type { Locale } from '../../config';
import type { Card, EntityRef, Form } from '../cards/card';
import type { CopyOwner, CopyStore } from '../copies/copies';
import type { Messenger, PostedCopy } from './messenger';
import { claimNext, dueMessages, messageGivenUp, messageSent, retryMessage, type QueuedMessage } from './outbox.service';
import { requestContext, type Logger } from '../logger';

export interface SenderOptions {
  pollMs: number;
  leaseMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  /** Longest back-off between attempts. */
  maxBackoffMs?: number;
  now?: () => Date;
}

const BATCH = 50;

/**
 * Sends what was written to the outbox, oldest first, each attempt taken through a unique row so
 * two instances never send the same attempt. A failure is retried with back-off (or after the wait
 * the platform named) until it succeeds or runs out of attempts, and is then given up with a logged
 * reason. An attempt that may have arrived is checked for before the next one (see Messenger).
 * A card that shows a ticket or lead is remembered where it landed (CopyStore), so it is redrawn
 * when that ticket or lead changes.
 */
export class OutboxSender {
  private readonly owner = randomUUID();
  private readonly now: () => Date;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = true;
  private draining = false;

  constructor(
    private readonly messengers: Partial<Record<string, Messenger>>,
    private readonly logger: Logger,
    private readonly opts: SenderOptions,
    private readonly copies?: CopyStore,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Something was queued: send it now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the batch being sent (SIGTERM drains, it does not cut a send). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.draining = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over due messages; resolves with how many were sent. */
  async runOnce(): Promise<number> {
    if (this.running) return this.running;
    // A pass sends everyone's messages: it must not log under the request that happened to start it.
    this.running = requestContext.exit(() => this.pass()).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Tries one just-queued message at once; on failure it stays queued for the next pass. */
  async sendNow(item: QueuedMessage): Promise<PostedCopy | undefined> {
    return (await this.sendOne(item)).copy;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = requestContext.exit(() => setTimeout(() => {
      this.runOnce()
        .catch((err) => this.logger.warn({ err }, 'outbox pass failed; retrying at the next poll'))
        .finally(() => {
          if (this.stopped) return;
          const again = this.again;
          this.again = false;
          this.schedule(again ? 0 : this.opts.pollMs);
        });
    }, ms));
    this.timer.unref?.();
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (const item of await dueMessages(this.now(), BATCH)) {
      // Draining: finish the message in hand; the rest stay queued for the next start.
      if (this.draining) break;
      if ((await this.sendOne(item)).sent) sent++;
    }
    return sent;
  }

  private async sendOne(item: QueuedMessage): Promise<{ sent: boolean; copy?: PostedCopy }> {
    const now = this.now();
    const claimed = await claimNext(item, this.owner, new Date(now.getTime() + this.opts.leaseMs), new Date(now.getTime() - this.opts.leaseMs));
    if (!claimed) return { sent: false };
    const log = this.logger.child({ outbox: claimed.key, workspace: String(claimed.workspaceId), attempt: claimed.attempts });
    const messenger = this.messengers[claimed.platform];
    if (!messenger) {
      await messageGivenUp(claimed, `no sender for platform ${claimed.platform}`);
      log.error({ platform: claimed.platform }, 'outbox message given up: that platform is not configured');
      return { sent: false };
    }
    const entity = (claimed.entity ?? undefined) as EntityRef | undefined;
    const result = await messenger.send(
      { key: claimed.key, to: claimed.to, kind: claimed.kind as 'dm' | 'channel', cards: claimed.cards as Card[], locale: claimed.locale as Locale, queuedAt: claimed.createdAt, entity, form: (claimed.form ?? undefined) as Form | undefined },
      // The previous attempt's outcome is unknown (a crash, a timeout, a 5xx): look before resending.
      { recheck: item.uncertain },
    );
    if (result.ok) {
      await messageSent(claimed, this.now());
      log.info('outbox message sent');
      if (entity && result.copy) await this.remember({ workspaceId: String(claimed.workspaceId), entityKind: entity.kind, entityId: entity.id, platform: claimed.platform }, result.copy, log);
      return { sent: true, copy: result.copy };
    }
    if (result.retry && claimed.attempts < this.opts.maxAttempts) {
      const backoff = Math.min(this.opts.retryBaseMs * 2 ** (claimed.attempts - 1), this.opts.maxBackoffMs ?? 15 * 60_000);
      const wait = Math.max(result.retryAfterMs ?? 0, backoff);
      // Still uncertain unless this attempt settled it: a failed history check proves nothing.
      await retryMessage(claimed, new Date(this.now().getTime() + wait), result.reason, result.mayHaveArrived || item.uncertain);
      log.warn({ reason: result.reason, waitMs: wait }, 'outbox send failed; will retry');
      return { sent: false };
    }
    await messageGivenUp(claimed, result.reason);
    log.error({ reason: result.reason }, 'outbox message given up');
    return { sent: false };
  }

  /** A lost record only means that copy is not redrawn later; the message itself went out. */
  private async remember(owner: CopyOwner, copy: PostedCopy, log: Logger): Promise<void> {
    try {
      await this.copies?.record({ ...owner, channel: copy.channel, ref: copy.ref });
    } catch (err) {
      log.warn({ err }, 'could not remember where a card was posted; it will not be redrawn');
    }
  }
}
