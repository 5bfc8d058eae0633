import type { Locale } from '../../config';
import type { Logger } from '../../logger';
import type { Card, Reply } from '../cards/card';
import { renderWecomCard, renderWecomMarkdown, renderWecomReply, WECOM_LIMITS } from '../cards/render-wecom';
import type { CopyStore } from '../copies';
import { WecomWebhook, type WecomClient } from './wecom-client';

const isWebhook = (channel: string) => /^https?:\/\//.test(channel);

/**
 * Sends replies, direct messages and channel posts through the app's API (paced per member by the
 * client). A WeCom "channel" is a group robot webhook: push-only, 20 a minute, no buttons, so its posts
 * are markdown that names the commands to type, and a redraw is a new post.
 */
export class WecomMessenger {
  private readonly webhooks = new Map<string, WecomWebhook>();

  constructor(
    private readonly client: WecomClient,
    private readonly logger: Logger,
    private readonly defaultLocale: Locale,
    private readonly copies: CopyStore,
  ) {}

  async sendReply(toUser: string, reply: Reply): Promise<void> {
    for (const m of renderWecomReply(reply, { locale: reply.locale ?? this.defaultLocale })) await this.client.sendMessage(toUser, m);
    await this.deliver(reply);
  }

  /** Direct messages, channel posts and redraws of posted copies; failures are logged, never fatal. */
  async deliver(reply: Reply, skipUpdates = false): Promise<void> {
    for (const n of reply.notify ?? []) {
      await this.safely({ to: n.userId }, async () => {
        for (const m of renderWecomReply({ cards: n.cards }, { locale: n.locale ?? reply.locale ?? this.defaultLocale })) await this.client.sendMessage(n.userId, m);
      });
    }
    for (const p of reply.posts ?? []) {
      await this.safely({ channel: p.channel }, async () => {
        const locale = p.locale ?? this.defaultLocale;
        const ref = await this.post(p.channel, p.cards, locale);
        if (p.entity) await this.copies.record({ entityKind: p.entity.kind, entityId: p.entity.id, platform: 'wecom', channel: p.channel, ref });
      });
    }
    if (skipUpdates) return;
    for (const u of reply.updates ?? []) {
      for (const c of await this.copies.list(u.entity.kind, u.entity.id, 'wecom')) {
        await this.safely({ channel: c.channel }, async () => {
          const locale = u.locale ?? this.defaultLocale;
          if (isWebhook(c.channel)) await this.post(c.channel, u.cards, locale);
          else if (c.ref) await this.client.updateTemplateCard({ userids: [c.channel], responseCode: c.ref, templateCard: this.cardJson(u.cards[0], locale) });
        });
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

  /** Posts cards to a channel; returns what a later redraw needs (a DM card's response code). */
  private async post(channel: string, cards: Card[], locale: Locale): Promise<string> {
    if (isWebhook(channel)) {
      let hook = this.webhooks.get(channel);
      if (!hook) this.webhooks.set(channel, (hook = new WecomWebhook(channel, { logger: this.logger })));
      for (const content of renderWecomMarkdown(cards, WECOM_LIMITS.webhookMarkdownBytes, locale)) await hook.send({ msgtype: 'markdown', markdown: { content } });
      return 'webhook';
    }
    let ref = '';
    for (const m of renderWecomReply({ cards }, { locale })) {
      const res = await this.client.sendMessage(channel, m);
      if (m.msgtype === 'template_card' && !ref) ref = res.responseCode ?? '';
    }
    return ref;
  }

  private cardJson(card: Card | undefined, locale: Locale): Record<string, unknown> | undefined {
    const first = card ? renderWecomCard(card, { taskId: `u${Date.now().toString(36)}`, locale })[0] : undefined;
    return first?.msgtype === 'template_card' ? first.template_card : undefined;
  }

  private async safely(what: Record<string, string>, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.logger.warn({ err, ...what }, 'WeCom delivery failed');
    }
  }
}
