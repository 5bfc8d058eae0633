import type { Messenger, Outgoing, SendResult } from '../../platform/outbox/messenger';
import { paneId, type SandboxFeed } from './sandbox-feed';

/** Queued messages land in the sandbox's panes: a member's direct messages or a channel. */
export class SandboxSender implements Messenger {
  private readonly delivered = new Set<string>();

  constructor(private readonly feed: SandboxFeed) {}

  async send(m: Outgoing): Promise<SendResult> {
    if (this.delivered.has(m.key)) return { ok: true };
    const msg = this.feed.add(paneId(m.kind === 'dm' ? 'dm' : 'channel', m.to), { from: 'bot', cards: m.cards, locale: m.locale });
    // The sandbox remembers its own copies (in memory), so a ticket card re-posted by a job is redrawn too.
    if (m.entity) this.feed.remember(m.entity, msg.id);
    this.delivered.add(m.key);
    return { ok: true };
  }
}
