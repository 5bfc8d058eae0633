import { randomUUID } from 'node:crypto';
import { REPLY_KEY_PREFIX, type PostQueue } from './messenger';
import { queueMessage } from './outbox.service';
import type { OutboxSender } from './outbox-sender';
import type { Logger } from '../logger';

/**
 * The replies' posts and direct messages (a ticket card for the support channel, a new owner's card,
 * an escalation to managers) go through the outbox like the jobs' messages: written first, tried at
 * once, and retried with back-off by the sender when that attempt fails.
 */
export function createPostQueue(sender: OutboxSender, logger: Logger): PostQueue {
  return {
    async send(p) {
      const item = await queueMessage(p.workspaceId, {
        key: `${p.reply ? REPLY_KEY_PREFIX : 'post:'}${randomUUID()}`,
        platform: p.platform,
        to: p.to,
        kind: p.kind,
        cards: p.cards,
        locale: p.locale,
        entity: p.entity,
        form: p.form,
        notBefore: new Date(),
      });
      if (!item) return undefined;
      // Written: from here on the sender owns it. A failure of the first try (even of its bookkeeping)
      // leaves it to the sender's retries, and must not make the caller send it another way.
      try {
        return await sender.sendNow(item);
      } catch (err) {
        logger.warn({ err, key: item.key }, 'first try of a queued post failed; the outbox will retry it');
        return undefined;
      }
    },
  };
}
