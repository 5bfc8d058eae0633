import type { Locale } from '../../config';
import type { Logger } from '../../logger';
import type { Card, Reply } from '../cards/card';
import { renderWecomCard, renderWecomReply } from '../cards/render-wecom';
import type { WecomClient } from './wecom-client';

/** Sends replies and direct messages through the app's API (paced per member by the client). */
export class WecomMessenger {
  constructor(
    private readonly client: WecomClient,
    private readonly logger: Logger,
    private readonly defaultLocale: Locale,
  ) {}

  async sendReply(toUser: string, reply: Reply): Promise<void> {
    for (const m of renderWecomReply(reply, { locale: reply.locale ?? this.defaultLocale })) await this.client.sendMessage(toUser, m);
    await this.sendNotifications(reply);
  }

  async sendNotifications(reply: Reply): Promise<void> {
    for (const n of reply.notify ?? []) {
      try {
        for (const m of renderWecomReply({ cards: n.cards }, { locale: n.locale ?? reply.locale ?? this.defaultLocale })) await this.client.sendMessage(n.userId, m);
      } catch (err) {
        this.logger.warn({ err, to: n.userId }, 'WeCom direct message failed');
      }
    }
  }

  /**
   * Answers a card click: the clicked card is replaced through update_template_card (the event's
   * ResponseCode, same task id); anything the card cannot hold follows as messages.
   */
  async updateClicked(toUser: string, responseCode: string, taskId: string, card: Card, locale: Locale): Promise<void> {
    const [first, ...rest] = renderWecomCard(card, { taskId, locale });
    if (first?.msgtype === 'template_card') {
      await this.client.updateTemplateCard({ userids: [toUser], responseCode, templateCard: first.template_card });
    }
    for (const m of rest) await this.client.sendMessage(toUser, m);
  }
}
