import type { Reply } from '../../platform/cards/card';
import { paneId, type SandboxFeed } from './sandbox-feed';

// The sandbox's "send" side: what Slack's respond / views.open / chat.postMessage / chat.update do
// there, done here on the in-memory feed. No decisions of its own: it follows the Reply.

export interface Delivery {
  /** The member who acted; answers go to their conversation. */
  as: string;
  /** The message whose button was clicked (replaceOriginal replaces it). */
  clicked?: string;
  /** The form message that was submitted, and what was typed in it. */
  form?: { messageId: string; values: Record<string, string> };
}

export function deliverSandboxReply(feed: SandboxFeed, reply: Reply, d: Delivery): void {
  const chat = paneId('chat', d.as);
  const locale = reply.locale;
  if (d.form && feed.get(d.form.messageId)) {
    // Like a Slack modal: field problems keep the form open, with what was typed; success closes it.
    if (reply.formErrors) {
      feed.update(d.form.messageId, { formErrors: reply.formErrors, formValues: d.form.values });
      return;
    }
    feed.remove(d.form.messageId);
  }
  const clicked = d.clicked ? feed.get(d.clicked) : undefined;
  if (reply.replaceOriginal && clicked && reply.cards.length) feed.update(clicked.id, { cards: reply.cards, locale });
  else if (reply.cards.length) feed.add(chat, { from: 'bot', cards: reply.cards, locale });
  if (reply.form) feed.add(chat, { from: 'bot', cards: [], form: reply.form, locale });
  for (const n of reply.notify ?? []) {
    const msg = feed.add(paneId('dm', n.userId), { from: 'bot', cards: n.cards, locale: n.locale ?? locale });
    if (n.entity) feed.remember(n.entity, msg.id);
  }
  for (const p of reply.posts ?? []) {
    const msg = feed.add(paneId('channel', p.channel), { from: 'bot', cards: p.cards, locale: p.locale ?? locale });
    if (p.entity) feed.remember(p.entity, msg.id);
  }
  for (const u of reply.updates ?? []) {
    for (const id of feed.copiesOf(u.entity)) feed.update(id, { cards: u.cards, locale: u.locale ?? locale });
  }
}
