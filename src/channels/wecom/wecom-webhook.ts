import axios from 'axios';
import type { Logger } from '../../platform/logger';
import { Pacer } from './pacer';
import { callWithRetry, HTTP_TIMEOUT_MS, mayHaveBeenDelivered, MINUTE_MS, realSleep, WecomApiError, type RetryDeps, type WecomMessage } from './wecom-client';

/** A group robot (群机器人) webhook: push-only, 20 messages per minute per robot. */
export class WecomWebhook {
  private readonly pacer: Pacer;
  private readonly deps: RetryDeps;

  constructor(
    private readonly url: string,
    opts: { logger: Logger; now?: () => number; sleep?: (ms: number) => Promise<void>; perMinute?: number },
  ) {
    this.deps = { logger: opts.logger, sleep: opts.sleep ?? realSleep };
    this.pacer = new Pacer({
      now: opts.now ?? Date.now,
      sleep: this.deps.sleep,
      windows: [{ limit: opts.perMinute ?? 20, ms: MINUTE_MS }],
      countsFailure: mayHaveBeenDelivered,
    });
  }

  /** Resolves once WeCom accepted the message; 93000 (robot removed) / 93004 (disabled) throw. */
  send(message: WecomMessage): Promise<void> {
    return this.pacer.schedule('webhook', async () => {
      const call = () => axios.post(this.url, message, { timeout: HTTP_TIMEOUT_MS, validateStatus: () => true });
      const reply = await callWithRetry('webhook/send', call, this.deps, false);
      if (reply.errcode !== 0) throw new WecomApiError(reply.errcode, reply.errmsg, 'webhook/send');
    });
  }
}

const webhooks = new Map<string, WecomWebhook>();

/** A WeCom "channel" is a group robot's webhook URL; anything else is a member's user id. */
export const isWebhook = (channel: string): boolean => /^https?:\/\//.test(channel);

/** The process's one WecomWebhook per robot URL, so replies and queued posts share its 20-a-minute pacing. */
export function webhookFor(url: string, logger: Logger): WecomWebhook {
  let hook = webhooks.get(url);
  if (!hook) webhooks.set(url, (hook = new WecomWebhook(url, { logger })));
  return hook;
}
