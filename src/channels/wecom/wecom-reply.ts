import type { Locale } from '../../config';
import type { Logger } from '../../platform/logger';
import type { Card, Reply } from '../../platform/cards/card';
import { deliverReply, type ReplyTransport } from '../../platform/outbox/deliver-reply';
import { newTaskId, renderWecomCard, renderWecomMarkdown, renderWecomReply, WECOM_LIMITS } from './render-wecom';
import type { CopyStore } from '../../platform/copies/copies';
import type { PostQueue } from '../../platform/outbox/messenger';
import { isWebhook, webhookFor } from './wecom-webhook';
import { WecomApiError, WecomNetworkError, type WecomClient } from './wecom-client';
import { codeUsable, parseCardRef, type CardRef } from './card-ref';

/**
 * Sends replies, direct messages and channel posts through the app's API (paced per member by the
 * client). A WeCom "channel" is a group robot webhook: push-only, 20 a minute, no buttons, so its posts
 * are markdown naming the commands to type, and a redraw is a new post. A card sent to a member is
 * redrawn with its single-use response code; once that is spent, a fresh card replaces it.
 */
export class WecomReplier {
  constructor(
    private readonly client: WecomClient | undefined,
    private readonly logger: Logger,
    private readonly defaultLocale: Locale,
    private readonly copies: CopyStore,
    private readonly posts: PostQueue,
  ) {}

  /**
   * The answer to the member who wrote or clicked: through the outbox like every other message (the
   * callback was acknowledged already, so a crash or a WeCom failure must not lose it), tried at once.
   * Without a workspace (the request failed before one was known) or without the database, it is sent
   * directly. `clicked`: the card the member clicked, already redrawn with the click's code.
   */
  async sendReply(toUser: string, reply: Reply, clicked?: { taskId: string }): Promise<void> {
    const locale = reply.locale ?? this.defaultLocale;
    let queued = false;
    if (reply.workspaceId && (reply.cards.length || reply.form)) {
      try {
        await this.posts.send({ workspaceId: reply.workspaceId, platform: 'wecom', to: toUser, kind: 'dm', cards: reply.cards, form: reply.form, locale, reply: true });
        queued = true;
      } catch (err) {
        // Only the write to the outbox can fail here (the database is away): send it directly.
        this.logger.warn({ err, to: toUser }, 'WeCom reply could not be queued; sending it directly');
      }
    }
    if (!queued) for (const m of renderWecomReply(reply, { locale })) await this.app().sendMessage(toUser, m);
    await this.deliver(reply, clicked && { user: toUser, taskId: clicked.taskId });
  }

  /**
   * Side posts and redraws (see deliverReply). A robot webhook's copy is redrawn as a new post; a
   * member's copy spends its response code, and the next code is remembered in its place.
   */
  async deliver(reply: Reply, clicked?: { user: string; taskId: string }): Promise<void> {
    const transport: ReplyTransport = {
      platform: 'wecom',
      isChannel: isWebhook,
      // The clicked card was just redrawn with the click's own code; its send-time code stays unspent.
      skip: (c) => Boolean(clicked && c.channel === clicked.user && parseCardRef(c.ref).taskId === clicked.taskId),
      redraw: async (c, u, owner) => {
        const locale = u.locale ?? this.defaultLocale;
        if (isWebhook(c.channel)) {
          await this.post(c.channel, u.cards, locale);
          return;
        }
        const next = await this.redraw(c.channel, parseCardRef(c.ref), u.cards, locale);
        await this.copies.replaceRef(owner, c.channel, c.ref, JSON.stringify(next));
      },
    };
    await deliverReply(reply, transport, { copies: this.copies, posts: this.posts, logger: this.logger, defaultLocale: this.defaultLocale });
  }

  /**
   * Answers a card click: the clicked card is replaced through update_template_card (the event's
   * ResponseCode, same task id). A failure is logged and the rest of the answer still goes out; true
   * when the card was updated.
   */
  async updateClicked(toUser: string, responseCode: string, taskId: string, card: Card, locale: Locale): Promise<boolean> {
    const [first, ...rest] = renderWecomCard(card, { taskId, locale });
    let updated = false;
    await this.safely({ to: toUser }, async () => {
      if (first?.msgtype === 'template_card') {
        await this.app().updateTemplateCard({ userids: [toUser], responseCode, templateCard: first.template_card });
        updated = true;
      }
    });
    for (const m of rest) await this.app().sendMessage(toUser, m);
    return updated;
  }

  /** Posts cards to a webhook channel or a member; returns what a later redraw needs. */
  private async post(channel: string, cards: Card[], locale: Locale): Promise<string> {
    if (isWebhook(channel)) {
      const hook = webhookFor(channel, this.logger);
      for (const content of renderWecomMarkdown(cards, WECOM_LIMITS.webhookMarkdownBytes, locale)) await hook.send({ msgtype: 'markdown', markdown: { content } });
      return 'webhook';
    }
    return JSON.stringify(await this.sendCards(channel, cards, locale));
  }

  private async sendCards(user: string, cards: Card[], locale: Locale, taskId = newTaskId()): Promise<CardRef> {
    const ref: CardRef = { taskId, code: '', at: Date.now() };
    for (const m of renderWecomReply({ cards }, { locale, taskIdFor: () => taskId })) {
      const res = await this.app().sendMessage(user, m);
      if (m.msgtype === 'template_card' && !ref.code) ref.code = res.responseCode ?? '';
    }
    return ref;
  }

  /**
   * Redraw a member's copy: spend its response code while it is usable (72 hours); when it is spent,
   * expired, or WeCom refuses it, send the card afresh (the new card's code serves the next redraw).
   */
  private async redraw(user: string, ref: CardRef, cards: Card[], locale: Locale): Promise<CardRef> {
    const [first] = cards[0] ? renderWecomCard(cards[0], { taskId: ref.taskId, locale }) : [];
    if (codeUsable(ref, Date.now()) && first?.msgtype === 'template_card') {
      try {
        await this.app().updateTemplateCard({ userids: [user], responseCode: ref.code, templateCard: first.template_card });
        return { ...ref, code: '' };
      } catch (err) {
        // An errcode means the update did not happen; a lost connection may have updated it: stop there.
        if (!(err instanceof WecomApiError) || err instanceof WecomNetworkError) throw err;
        this.logger.info({ errcode: err.errcode, to: user }, 'WeCom refused the card update; sending the card afresh');
      }
    }
    return this.sendCards(user, cards, locale);
  }

  private app(): WecomClient {
    if (!this.client) throw new Error('the WeCom self-built app is not configured');
    return this.client;
  }

  private async safely(what: Record<string, string>, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.logger.warn({ err, ...what }, 'WeCom delivery failed');
    }
  }
}
