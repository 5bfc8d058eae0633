import { createHash } from 'node:crypto';
import type { Logger } from '../../platform/logger';
import { renderWecomMarkdown, renderWecomReply, WECOM_LIMITS } from './render-wecom';
import { REPLY_KEY_PREFIX, type Messenger, type Outgoing, type SendResult } from '../../platform/outbox/messenger';
import type { CardRef } from './card-ref';
import { isWebhook, webhookFor } from './wecom-webhook';
import { WecomApiError, WecomConfigError, WecomNetworkError, type WecomClient } from './wecom-client';

const RATE_LIMITED_MS = 60_000; // a 45009 block lasts the minute window
const CONFIG_RETRY_MS = 10 * 60_000; // the client's own cool-down after a bad secret

function classifyWecomError(err: unknown): Extract<SendResult, { ok: false }> {
  if (err instanceof WecomNetworkError) return { ok: false, reason: err.message, retry: true, mayHaveArrived: err.maybeSent };
  if (err instanceof WecomConfigError) return { ok: false, reason: err.message, retry: true, mayHaveArrived: false, retryAfterMs: CONFIG_RETRY_MS };
  if (err instanceof WecomApiError) {
    if (err.errcode === 45009) return { ok: false, reason: err.message, retry: true, mayHaveArrived: false, retryAfterMs: RATE_LIMITED_MS };
    if (err.errcode === -1) return { ok: false, reason: err.message, retry: true, mayHaveArrived: false };
    return { ok: false, reason: err.message, retry: false, mayHaveArrived: false };
  }
  return { ok: false, reason: err instanceof Error ? err.message : String(err), retry: true, mayHaveArrived: true };
}

/**
 * Sends queued messages through the self-built app with WeCom's duplicate check on: the same request
 * (same key, so the same task id and body) within 4 hours is delivered once, so an uncertain attempt
 * is simply repeated. Group-robot webhooks have no such check: an uncertain post is not repeated.
 */
export class WecomSender implements Messenger {
  constructor(
    private readonly client: WecomClient | undefined,
    private readonly logger: Logger,
  ) {}

  async send(m: Outgoing, opts: { recheck: boolean }): Promise<SendResult> {
    let sentParts = 0;
    const reply = m.key.startsWith(REPLY_KEY_PREFIX);
    try {
      if (isWebhook(m.to)) return await this.post(m, opts.recheck);
      if (!this.client) return { ok: false, reason: 'the WeCom self-built app is not configured', retry: false, mayHaveArrived: false };
      // An answer to a member may rightly repeat an earlier one (the same form asked for twice), which
      // WeCom's duplicate check would drop for hours: answers go without it, and one that may have
      // arrived is not sent again (like a robot post).
      if (reply && opts.recheck) return { ok: false, reason: 'an earlier attempt of this answer may have arrived; answers are not sent twice', retry: false, mayHaveArrived: true };
      // One task id per card, derived from the key: a repeated request is byte-for-byte the same.
      const taskIdFor = (i: number) => `crm_${createHash('sha256').update(`${m.key}#${i}`).digest('hex').slice(0, 24)}`;
      // What a redraw needs (see WecomReplier): the first card's task id and its single-use response code.
      const ref: CardRef = { taskId: taskIdFor(0), code: '', at: Date.now() };
      let first = true;
      for (const msg of renderWecomReply({ cards: m.cards, form: m.form }, { locale: m.locale, taskIdFor })) {
        const res = await this.client.sendMessage(m.to, msg, { duplicateCheck: !reply });
        sentParts++;
        if (msg.msgtype === 'template_card' && first) ref.code = res.responseCode ?? '';
        if (msg.msgtype === 'template_card') first = false;
      }
      return { ok: true, copy: { channel: m.to, ref: JSON.stringify(ref) } };
    } catch (err) {
      const failed = classifyWecomError(err);
      // An answer in several messages, some delivered: trying again would repeat those (answers go
      // without the duplicate check), so the rest is given up, with the reason logged.
      if (reply && sentParts > 0 && failed.retry) return { ...failed, retry: false, reason: `${failed.reason}; ${sentParts} part(s) of the answer were sent, the rest is not repeated` };
      return failed;
    }
  }

  private async post(m: Outgoing, recheck: boolean): Promise<SendResult> {
    if (recheck) return { ok: false, reason: 'an earlier post to this group robot may have arrived; robots cannot be checked, so it is not repeated', retry: false, mayHaveArrived: true };
    const hook = webhookFor(m.to, this.logger);
    for (const content of renderWecomMarkdown(m.cards, WECOM_LIMITS.webhookMarkdownBytes, m.locale)) await hook.send({ msgtype: 'markdown', markdown: { content } });
    // A robot's post cannot be edited: a redraw is a fresh post to the same robot.
    return { ok: true, copy: { channel: m.to, ref: 'webhook' } };
  }
}
