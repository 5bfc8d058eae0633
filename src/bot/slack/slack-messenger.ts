import type { App } from '@slack/bolt';
import type { Reply } from '../cards/card';
import { renderMessage } from '../cards/render-slack';
import type { Logger } from '../../logger';

import type { CopyStore } from '../copies';

export type { CopyStore };

/**
 * Everything a reply sends besides the answer itself: direct messages, channel posts (remembered for
 * later redraws) and redraws of every remembered copy. A failed send is logged, never fatal.
 */
export async function deliver(client: App['client'], r: Reply, copies: CopyStore, logger: Logger): Promise<void> {
  // A direct message is a post to the user's id; both are remembered when they show an entity.
  const dms = (r.notify ?? []).map((n) => ({ channel: n.userId, cards: n.cards, locale: n.locale, entity: n.entity }));
  const fresh = new Set<string>();
  for (const p of [...dms, ...(r.posts ?? [])]) {
    try {
      const res = await client.chat.postMessage({ channel: p.channel, ...renderMessage({ cards: p.cards, locale: p.locale }) });
      if (p.entity && res.ts) {
        await copies.record({ entityKind: p.entity.kind, entityId: p.entity.id, platform: 'slack', channel: String(res.channel ?? p.channel), ref: res.ts });
        fresh.add(`${res.channel ?? p.channel}:${res.ts}`);
      }
    } catch (err) {
      logger.warn({ err, channel: p.channel }, 'channel post failed');
    }
  }
  for (const u of r.updates ?? []) {
    for (const c of await copies.list(u.entity.kind, u.entity.id, 'slack')) {
      if (fresh.has(`${c.channel}:${c.ref}`)) continue; // just posted with the current state
      try {
        await client.chat.update({ channel: c.channel, ts: c.ref, ...renderMessage({ cards: u.cards, locale: u.locale }) });
      } catch (err) {
        logger.warn({ err, channel: c.channel }, 'card update failed');
      }
    }
  }
}
