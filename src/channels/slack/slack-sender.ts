import { webApi } from '@slack/bolt';
import type { Config } from '../../config';
import { renderMessage } from './render-slack';
import type { Messenger, Outgoing, SendResult } from '../../platform/outbox/messenger';

/** Message metadata type that carries the outbox key, so a resend can first look for the message. */
const OUTBOX_EVENT_TYPE = 'chatcrm_outbox';
const HISTORY_PAGES = 5;
// Slack errors that mean "try later" rather than "this will never work".
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

interface SlackError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  statusCode?: number;
}

function classifySlackError(err: unknown): Extract<SendResult, { ok: false }> {
  const e = (err ?? {}) as SlackError;
  if (e.code === 'slack_webapi_rate_limited_error') return { ok: false, reason: 'rate limited (429)', retry: true, mayHaveArrived: false, retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  if (e.code === 'slack_webapi_platform_error') {
    const error = e.data?.error ?? 'unknown_error';
    const transient = TRANSIENT.has(error);
    return { ok: false, reason: error, retry: transient, mayHaveArrived: transient && error !== 'ratelimited' };
  }
  // An HTTP 5xx, a timeout or a dropped connection: Slack may have posted the message.
  return { ok: false, reason: e.statusCode ? `HTTP ${e.statusCode}` : (e.code ?? String(err)), retry: true, mayHaveArrived: true };
}

/**
 * One Slack call may take a quarter of the lease (at most 30 s), and looking for an earlier attempt
 * may start calls for another quarter: so an attempt (the look, one call that began just in time, the
 * post) always ends inside its lease, before another instance may take the next one.
 */
function slackTimeoutMs(leaseSeconds: number): number {
  return Math.min(30_000, Math.floor((leaseSeconds * 1000) / 4));
}

/**
 * Sends queued messages with its own WebClient: no built-in retries and no waiting out 429s inside the
 * client, so the outbox decides when to try again. Each post carries its key as message metadata; a
 * resend after an uncertain attempt first reads the channel's recent history for that key.
 */
export class SlackSender implements Messenger {
  private readonly client: InstanceType<typeof webApi.WebClient>;
  private readonly dmChannels = new Map<string, string>();
  private readonly lookupBudgetMs: number;

  constructor(config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'> & { OUTBOX_LEASE_SECONDS?: number }) {
    this.lookupBudgetMs = ((config.OUTBOX_LEASE_SECONDS ?? 120) * 1000) / 4;
    this.client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
      slackApiUrl: config.SLACK_API_URL,
      // A call that hangs must end well within the attempt's lease, or another instance could take the
      // next attempt while this one may still arrive; a timeout counts as "may have arrived" (rechecked).
      // See slackTimeoutMs for how the lease is shared out.
      timeout: slackTimeoutMs(config.OUTBOX_LEASE_SECONDS ?? 120),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });
  }

  async send(m: Outgoing, opts: { recheck: boolean }): Promise<SendResult> {
    try {
      if (opts.recheck) {
        const deadline = Date.now() + this.lookupBudgetMs;
        // History is read in the direct-message channel, not by user id.
        const channel = m.kind === 'dm' ? await this.dmChannel(m.to) : m.to;
        const found = await this.alreadyPosted(channel, m, deadline);
        if (found === 'late') return { ok: false, reason: 'looking for an earlier attempt took too long', retry: true, mayHaveArrived: true };
        if (found !== undefined) return { ok: true, copy: found ? { channel, ref: found } : undefined };
      }
      // A user id as channel posts to the direct-message channel with them (Slack answers with its id).
      const res = await this.client.chat.postMessage({
        channel: m.to,
        ...renderMessage({ cards: m.cards, locale: m.locale }),
        metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: m.key } },
      });
      return { ok: true, copy: res.ts ? { channel: String(res.channel ?? m.to), ref: res.ts } : undefined };
    } catch (err) {
      return classifySlackError(err);
    }
  }

  /** The direct-message channel with a user (history can only be read there, not by user id). */
  private async dmChannel(user: string): Promise<string> {
    const known = this.dmChannels.get(user);
    if (known) return known;
    const res = await this.client.conversations.open({ users: user });
    const id = res.channel?.id;
    if (!id) throw Object.assign(new Error('conversations.open returned no channel'), { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } });
    this.dmChannels.set(user, id);
    return id;
  }

  /** The ts of the message carrying this key, if an earlier attempt posted it; 'late' past the deadline. */
  private async alreadyPosted(channel: string, m: Outgoing, deadline: number): Promise<string | undefined | 'late'> {
    let cursor: string | undefined;
    const oldest = String(Math.floor(m.queuedAt.getTime() / 1000) - 60);
    for (let page = 0; page < HISTORY_PAGES; page++) {
      if (Date.now() > deadline) return 'late';
      const res = await this.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, cursor });
      for (const msg of res.messages ?? []) {
        const meta = msg.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
        if (meta?.event_type === OUTBOX_EVENT_TYPE && meta.event_payload?.key === m.key) return msg.ts ?? '';
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }
}
