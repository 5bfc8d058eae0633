import type { Messenger, Outgoing, SendResult } from '../messenger';
import { paneId, type SandboxFeed } from './sandbox-feed';

/** Queued messages land in the sandbox's panes: a member's direct messages or a channel. */
export class SandboxOutbox implements Messenger {
  private readonly delivered = new Set<string>();

  constructor(private readonly feed: SandboxFeed) {}

  async send(m: Outgoing): Promise<SendResult> {
    if (this.delivered.has(m.key)) return { ok: true };
    this.feed.add(paneId(m.kind === 'dm' ? 'dm' : 'channel', m.to), { from: 'bot', cards: m.cards, locale: m.locale });
    this.delivered.add(m.key);
    return { ok: true };
  }
}
