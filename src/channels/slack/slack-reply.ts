import type { App } from '@slack/bolt';
import type { Reply } from '../../platform/cards/card';
import { renderMessage } from './render-slack';
import { deliverReply, type DeliverDeps, type ReplyTransport } from '../../platform/outbox/deliver-reply';

/**
 * A reply's side posts and redraws on Slack: a U…/W… id is a direct message, anything else a channel;
 * a remembered copy (channel and ts) is redrawn in place with chat.update.
 */
export async function deliverSlackReply(client: App['client'], r: Reply, deps: DeliverDeps): Promise<void> {
  const transport: ReplyTransport = {
    platform: 'slack',
    isChannel: (to) => !/^[UW]/.test(to),
    redraw: async (c, u) => {
      await client.chat.update({ channel: c.channel, ts: c.ref, ...renderMessage({ cards: u.cards, locale: u.locale }) });
    },
  };
  await deliverReply(r, transport, deps);
}
