import type { Locale } from '../../config';
import type { ChannelPost, CopyUpdate, Reply } from '../cards/card';
import type { CopyOwner, CopyStore } from '../copies/copies';
import type { Logger } from '../logger';
import type { PostedCopy, PostQueue } from './messenger';

/** What one platform adds to the shared delivery: where a post goes, and how a copy is redrawn. */
export interface ReplyTransport {
  platform: 'slack' | 'wecom';
  /** A channel post rather than a direct message (Slack: not a U…/W… user id; WeCom: a robot webhook). */
  isChannel(to: string): boolean;
  /** Redraw one remembered copy with the update's cards; a throw is logged and the others go on. */
  redraw(copy: PostedCopy, update: CopyUpdate, owner: CopyOwner): Promise<void>;
  /** A copy that is already current and must not be redrawn (WeCom: the card just clicked). */
  skip?(copy: PostedCopy): boolean;
}

export interface DeliverDeps {
  copies: CopyStore;
  posts: PostQueue;
  logger: Logger;
  defaultLocale: Locale;
}

const copyKey = (c: PostedCopy) => `${c.channel}:${c.ref}`;

/**
 * Everything a reply sends besides the answer itself: direct messages and channel posts go through
 * the outbox (tried at once, retried with back-off when the platform fails) and are remembered for
 * later redraws; then every remembered copy of each updated entity is redrawn, except those just
 * posted with the current state. A failure is logged, never fatal.
 */
export async function deliverReply(reply: Reply, transport: ReplyTransport, deps: DeliverDeps): Promise<void> {
  const fresh = await queueSidePosts(reply, transport, deps);
  if (!reply.workspaceId) return;
  for (const u of reply.updates ?? []) {
    const owner: CopyOwner = { workspaceId: reply.workspaceId, entityKind: u.entity.kind, entityId: u.entity.id, platform: transport.platform };
    for (const c of await deps.copies.list(owner)) {
      if (fresh.has(copyKey(c)) || transport.skip?.(c)) continue;
      try {
        await transport.redraw(c, u, owner);
      } catch (err) {
        deps.logger.warn({ err, channel: c.channel }, `${transport.platform} card update failed`);
      }
    }
  }
}

/** Queues the direct messages (a post to the user's id) and channel posts; returns where they landed. */
async function queueSidePosts(reply: Reply, transport: ReplyTransport, deps: DeliverDeps): Promise<Set<string>> {
  const dms: ChannelPost[] = (reply.notify ?? []).map((n) => ({ channel: n.userId, cards: n.cards, locale: n.locale, entity: n.entity }));
  const fresh = new Set<string>();
  for (const p of [...dms, ...(reply.posts ?? [])]) {
    try {
      if (!reply.workspaceId) throw new Error('a reply with posts has no workspace');
      const kind = transport.isChannel(p.channel) ? 'channel' : 'dm';
      const locale = p.locale ?? reply.locale ?? deps.defaultLocale;
      const copy = await deps.posts.send({ workspaceId: reply.workspaceId, platform: transport.platform, to: p.channel, kind, cards: p.cards, locale, entity: p.entity });
      if (copy) fresh.add(copyKey(copy));
    } catch (err) {
      deps.logger.warn({ err, channel: p.channel }, `${transport.platform} post could not be queued`);
    }
  }
  return fresh;
}
