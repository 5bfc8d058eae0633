import type { Locale } from '../config';
import type { Card } from './cards/card';

// The port the outbox sender (src/jobs) uses to deliver one queued message on one platform. Each
// platform's adapter implements it; none decides anything beyond how to send and what a failure means.

export interface Outgoing {
  /** The idempotency key: attached to the message where the platform allows, to find it again. */
  key: string;
  to: string;
  kind: 'dm' | 'channel';
  cards: Card[];
  locale: Locale;
  /** When the message was queued: no earlier copy can exist. */
  queuedAt: Date;
}

export type SendResult =
  | { ok: true }
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
