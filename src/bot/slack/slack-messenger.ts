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
  for (const n of r.notify ?? []) {
    try {
      await client.chat.postMessage({ channel: n.userId, ...renderMessage({ cards: n.cards, locale: n.locale }) });
    } catch (err) {
      logger.warn({ err, to: n.userId }, 'direct message failed');
    }
  }
  for (const p of r.posts ?? []) {
    try {
      const res = await client.chat.postMessage({ channel: p.channel, ...renderMessage({ cards: p.cards, locale: p.locale }) });
      if (p.entity && res.ts) {
        await copies.record({ entityKind: p.entity.kind, entityId: p.entity.id, platform: 'slack', channel: String(res.channel ?? p.channel), ref: res.ts });
      }
    } catch (err) {
      logger.warn({ err, channel: p.channel }, 'channel post failed');
    }
  }
  for (const u of r.updates ?? []) {
    for (const c of await copies.list(u.entity.kind, u.entity.id, 'slack')) {
      try {
        await client.chat.update({ channel: c.channel, ts: c.ref, ...renderMessage({ cards: u.cards, locale: u.locale }) });
      } catch (err) {
        logger.warn({ err, channel: c.channel }, 'card update failed');
      }
    }
  }
}
