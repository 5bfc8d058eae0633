import type { Types } from 'mongoose';
import { OutboxModel, type OutboxDoc } from './outbox.model';
import { OutboxAttemptModel } from './outbox-attempt.model';
import { isDuplicateKeyError } from '../db/db-errors';

export interface NewOutboxItem {
  key: string;
  platform: 'slack' | 'wecom' | 'sandbox';
  to: string;
  kind: 'dm' | 'channel';
  cards: unknown[];
  locale: string;
  notBefore: Date;
  entity?: { kind: string; id: string };
  form?: unknown;
}

export const outboxRepo = {
  /** Writes the message unless its key is already there; the new item when this call wrote it. */
  async enqueue(workspaceId: Types.ObjectId | string, m: NewOutboxItem): Promise<OutboxDoc | null> {
    try {
      return await OutboxModel.create({
        workspaceId,
        key: m.key,
        platform: m.platform,
        to: m.to,
        kind: m.kind,
        cards: m.cards,
        locale: m.locale,
        entity: m.entity ?? null,
        form: m.form ?? null,
        nextAttemptAt: m.notBefore,
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
  },

  async has(workspaceId: Types.ObjectId, key: string): Promise<boolean> {
    return Boolean(await OutboxModel.exists({ workspaceId, key }));
  },

  async byKey(workspaceId: Types.ObjectId, key: string): Promise<OutboxDoc | null> {
    return OutboxModel.findOne({ workspaceId, key });
  },

  /** Pending items whose next attempt is due, across workspaces (the sender serves them all). */
  async due(now: Date, limit: number): Promise<OutboxDoc[]> {
    return OutboxModel.find({ status: 'pending', nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(limit);
  },

  /**
   * Takes the item's next attempt for `owner`, leased until `leaseUntil` (after that, another sender may
   * take the one after). Null when another sender took it first.
   */
  async claim(item: OutboxDoc, owner: string, leaseUntil: Date, staleBefore: Date): Promise<OutboxDoc | null> {
    const attempt = item.attempts + 1;
    try {
      await OutboxAttemptModel.create({ itemId: item._id, attempt, owner });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Taken by another sender; if that sender died before recording it, count the attempt as made
      // (and possibly delivered) so a later poll can take the next one.
      const row = await OutboxAttemptModel.findOne({ itemId: item._id, attempt }).lean();
      if (row && row.createdAt < staleBefore) await OutboxModel.updateOne({ _id: item._id, attempts: item.attempts }, { $set: { attempts: attempt, uncertain: true } });
      return null;
    }
    // From here until it reports, this attempt may have reached the platform.
    return OutboxModel.findOneAndUpdate({ _id: item._id, status: 'pending', attempts: item.attempts }, { $set: { attempts: attempt, nextAttemptAt: leaseUntil, uncertain: true } }, { returnDocument: 'after' });
  },

  async markSent(item: OutboxDoc, at: Date): Promise<void> {
    await OutboxModel.updateOne({ _id: item._id, attempts: item.attempts }, { $set: { status: 'sent', sentAt: at, uncertain: false, lastError: '' } });
  },

  async retryAt(item: OutboxDoc, at: Date, error: string, uncertain: boolean): Promise<void> {
    await OutboxModel.updateOne({ _id: item._id, attempts: item.attempts }, { $set: { nextAttemptAt: at, lastError: error.slice(0, 500), uncertain } });
  },

  async giveUp(item: OutboxDoc, error: string): Promise<void> {
    await OutboxModel.updateOne({ _id: item._id, attempts: item.attempts }, { $set: { status: 'failed', lastError: error.slice(0, 500) } });
  },

  async list(workspaceId: Types.ObjectId): Promise<OutboxDoc[]> {
    return OutboxModel.find({ workspaceId }).sort({ createdAt: 1 });
  },
};
