import type { Locale } from '../../config';
import type { Card, EntityRef, Form } from '../cards/card';

// The port the outbox sender (outbox-sender.ts) uses to deliver one queued message on one platform. Each
// platform's *-sender.ts implements it; none decides anything beyond how to send and what a failure means.

export interface Outgoing {
  /** The idempotency key: attached to the message where the platform allows, to find it again. */
  key: string;
  to: string;
  kind: 'dm' | 'channel';
  cards: Card[];
  locale: Locale;
  /** When the message was queued: no earlier copy can exist. */
  queuedAt: Date;
  /** The ticket or lead the card shows: where it lands is remembered, so later changes redraw it. */
  entity?: EntityRef;
  /** A form the reader is asked to fill (a WeCom reply: sent as the fields and a command to copy). */
  form?: Form;
}

/** Where a message landed, as a later redraw needs it (Slack: channel and ts; WeCom: task id and code). */
export interface PostedCopy {
  channel: string;
  ref: string;
}

export type SendResult =
  | { ok: true; copy?: PostedCopy }
  | {
      ok: false;
      reason: string;
      /** Worth trying again (rate limits, outages); false gives the message up. */
      retry: boolean;
      /** The platform may have posted it anyway (timeout, 5xx): check before sending again. */
      mayHaveArrived: boolean;
      /** The platform said when to come back (Slack Retry-After, WeCom 45009). */
      retryAfterMs?: number;
    };

export interface Messenger {
  /** `recheck`: an earlier attempt may have arrived; look for it (by key) before posting again. */
  send(m: Outgoing, opts: { recheck: boolean }): Promise<SendResult>;
}

/** A post or direct message a command's reply sends to someone other than the person who acted. */
export interface QueuedPost {
  /** The workspace's database id. */
  workspaceId: string;
  platform: 'slack' | 'wecom' | 'sandbox';
  to: string;
  kind: 'dm' | 'channel';
  cards: Card[];
  locale: Locale;
  entity?: EntityRef;
  form?: Form;
  /** The answer to the member who acted (queued under a `reply:` key rather than `post:`). */
  reply?: boolean;
}

/** The key prefix of an answer to the member who acted (other queued posts use `post:`). */
export const REPLY_KEY_PREFIX = 'reply:';

/**
 * The outbox as the platform adapters see it: the post is written to the outbox and tried at once;
 * when that attempt fails, the outbox sender retries it with back-off. Resolves with where it landed,
 * or undefined when it is still waiting for a retry.
 */
export interface PostQueue {
  send(p: QueuedPost): Promise<PostedCopy | undefined>;
}
