import type { App } from '@slack/bolt';
import type { Notification } from '../cards/card';
import { renderMessage } from '../cards/render-slack';
import type { Logger } from '../../logger';

/** Sends direct messages (new-owner cards) through the Web API; a failed DM is logged, never fatal. */
export async function sendNotifications(client: App['client'], notes: Notification[] | undefined, logger: Logger): Promise<void> {
  for (const n of notes ?? []) {
    try {
      await client.chat.postMessage({ channel: n.userId, ...renderMessage({ cards: n.cards, locale: n.locale }) });
    } catch (err) {
      logger.warn({ err, to: n.userId }, 'direct message failed');
    }
  }
}
