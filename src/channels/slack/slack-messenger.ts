import type { App } from '@slack/bolt';
import type { Reply } from '../../platform/cards/card';
import { renderMessage } from './render-slack';
import type { Logger } from '../../platform/logger';
import type { Locale } from '../../config';
import type { PostQueue } from '../../platform/outbox/messenger';

import type { CopyStore } from '../../platform/copies/copies';

export type { CopyStore };

/**
 * Everything a reply sends besides the answer itself: direct messages and channel posts go through
 * the outbox (tried at once, retried with back-off when Slack fails) and are remembered for later
 * redraws; then every remembered copy is redrawn. A failed redraw is logged, never fatal.
 */
export async function deliver(client: App['client'], r: Reply, copies: CopyStore, posts: PostQueue, logger: Logger, defaultLocale: Locale): Promise<void> {
  // A direct message is a post to the user's id; both are remembered when they show an entity.
  const dms = (r.notify ?? []).map((n) => ({ channel: n.userId, cards: n.cards, locale: n.locale, entity: n.entity }));
  const fresh = new Set<string>();
  for (const p of [...dms, ...(r.posts ?? [])]) {
    try {
      if (!r.workspaceId) throw new Error('a reply with posts has no workspace');
      const kind = /^[UW]/.test(p.channel) ? 'dm' : 'channel';
      const copy = await posts.send({ workspaceId: r.workspaceId, platform: 'slack', to: p.channel, kind, cards: p.cards, locale: p.locale ?? r.locale ?? defaultLocale, entity: p.entity });
      if (copy) fresh.add(`${copy.channel}:${copy.ref}`);
    } catch (err) {
      logger.warn({ err, channel: p.channel }, 'channel post could not be queued');
    }
  }
  for (const u of r.workspaceId ? (r.updates ?? []) : []) {
    for (const c of await copies.list({ workspaceId: r.workspaceId!, entityKind: u.entity.kind, entityId: u.entity.id, platform: 'slack' })) {
      if (fresh.has(`${c.channel}:${c.ref}`)) continue; // just posted with the current state
      try {
        await client.chat.update({ channel: c.channel, ts: c.ref, ...renderMessage({ cards: u.cards, locale: u.locale }) });
      } catch (err) {
        logger.warn({ err, channel: c.channel }, 'card update failed');
      }
    }
  }
}
