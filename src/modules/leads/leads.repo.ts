import { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { LeadModel, type Lead, type LeadEntity } from './lead.model';
import { LeadKeyModel } from './lead-key.model';
import { isDuplicateKeyError } from '../../platform/db/db-errors';
import { CLOSED_STAGES } from '../workspaces';

export interface LeadKeys {
  phones: string[];
  emails: string[];
  company: string;
  contact: string;
  /** The duplicate engine's blocking keys and their rules' version. */
  block?: string[];
  blockV?: number;
}

export interface LeadQuery {
  ownerIds?: Types.ObjectId[];
  stage?: string;
  openOnly?: boolean;
  lastContactBefore?: Date;
  /** Free text, with its folded forms for matching the normalised keys. */
  text?: { raw: string; company: string; contact: string; digits: string };
  phone?: string;
  email?: string;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The keys a lead reserves, in one fixed order so concurrent requests cannot block each other. */
export function identityKeys(k: Pick<LeadKeys, 'phones' | 'emails' | 'company' | 'contact'>): string[] {
  return [...k.emails.map((e) => `email:${e}`), ...k.phones.map((p) => `phone:${p}`), `name:${k.company}|${k.contact}`].sort();
}

function toFilter(workspaceId: Types.ObjectId, q: LeadQuery): Record<string, unknown> {
  const f: Record<string, unknown> = { workspaceId, deletedAt: null };
  if (q.ownerIds) f.ownerId = { $in: q.ownerIds };
  if (q.stage) f.stage = q.stage;
  if (q.openOnly) f.stage = { $nin: CLOSED_STAGES };
  const and: Record<string, unknown>[] = [];
  if (q.lastContactBefore) {
    // A lead never contacted counts from its creation time.
    and.push({
      $or: [{ lastContactAt: { $lt: q.lastContactBefore } }, { lastContactAt: null, createdAt: { $lt: q.lastContactBefore } }],
    });
  }
  if (q.phone) f['keys.phones'] = q.phone;
  if (q.email) f['keys.emails'] = q.email;
  if (q.text) {
    const re = (s: string) => ({ $regex: escapeRegex(s), $options: 'i' });
    const or: Record<string, unknown>[] = [{ company: re(q.text.raw) }, { contactName: re(q.text.raw) }, { 'keys.emails': re(q.text.raw.toLowerCase()) }];
    if (q.text.company) or.push({ 'keys.company': re(q.text.company) });
    if (q.text.contact) or.push({ 'keys.contact': re(q.text.contact) });
    if (q.text.digits) or.push({ 'keys.phones': re(q.text.digits) });
    and.push({ $or: or });
  }
  if (and.length) f.$and = and;
  return f;
}

export const leadsRepo = {
  newId(): Types.ObjectId {
    return new Types.ObjectId();
  },

  /** Leads (not deleted) holding any of the duplicate engine's blocking keys, oldest first: one query. */
  async candidatesFor(workspaceId: Types.ObjectId, blockKeys: string[], limit: number): Promise<LeadEntity[]> {
    if (!blockKeys.length) return [];
    return plainMany<LeadEntity>(await LeadModel.find({ workspaceId, deletedAt: null, 'keys.block': { $in: blockKeys } }).sort({ seq: 1 }).limit(limit));
  },

  /** Leads (any workspace) whose blocking keys are missing or from older rules than `version`. */
  async withOldBlockKeys(version: number, limit: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find({ $or: [{ 'keys.blockV': null }, { 'keys.blockV': { $lt: version } }] }).sort({ _id: 1 }).limit(limit));
  },

  /** Stores a lead's blocking keys (no rev bump: they follow from its details, nothing a user changed). */
  async setBlockKeys(workspaceId: Types.ObjectId, id: Types.ObjectId, block: string[], version: number): Promise<void> {
    await LeadModel.updateOne({ workspaceId, _id: id }, { $set: { 'keys.block': block, 'keys.blockV': version } });
  },

  /**
   * Reserves every identity key for `leadId` in one insertMany (unordered: every free key is taken in
   * the same round trip). Returns null on success, or the id of the lead that already holds one of the
   * keys; only then is the holder read and what this call reserved released again.
   */
  async claimKeys(workspaceId: Types.ObjectId, leadId: Types.ObjectId, keys: string[]): Promise<Types.ObjectId | null> {
    const createdAt = new Date();
    try {
      await LeadKeyModel.collection.insertMany(keys.map((key) => ({ workspaceId, key, leadId, createdAt })), { ordered: false });
      return null;
    } catch (err) {
      const failed = (err as { writeErrors?: { index: number; code?: number }[] }).writeErrors ?? [];
      await LeadKeyModel.deleteMany({ workspaceId, leadId, key: { $in: keys } });
      const taken = failed.find((e) => e.code === 11000);
      if (!taken && !isDuplicateKeyError(err)) throw err;
      const key = taken ? keys[taken.index] : keys[0];
      const holder = await LeadKeyModel.findOne({ workspaceId, key }).lean();
      return holder ? holder.leadId : new Types.ObjectId();
    }
  },

  /** Holds `keys` for `leadId` instead of what it held (after an edit or a restore); a key another lead holds stays theirs. */
  async reclaimKeys(workspaceId: Types.ObjectId, leadId: Types.ObjectId, keys: string[]): Promise<void> {
    await LeadKeyModel.deleteMany({ workspaceId, leadId });
    for (const key of keys) {
      await LeadKeyModel.create({ workspaceId, key, leadId }).catch((err: unknown) => {
        if (!isDuplicateKeyError(err)) throw err;
      });
    }
  },

  /** The identity keys a lead holds now (a read for checks and tests; the reservations themselves are internal). */
  async heldKeys(workspaceId: Types.ObjectId, leadId: Types.ObjectId): Promise<string[]> {
    const rows = await LeadKeyModel.find({ workspaceId, leadId }, { key: 1 }).sort({ key: 1 }).lean();
    return rows.map((r) => r.key);
  },

  /** Hands every identity key `from` holds to `to` (a merge); returns the keys moved. */
  async moveKeys(workspaceId: Types.ObjectId, from: Types.ObjectId, to: Types.ObjectId): Promise<string[]> {
    const rows = await LeadKeyModel.find({ workspaceId, leadId: from }, { key: 1 }).lean();
    const keys = rows.map((r) => r.key);
    if (keys.length) await LeadKeyModel.updateMany({ workspaceId, leadId: from, key: { $in: keys } }, { $set: { leadId: to } });
    return keys;
  },

  /** Gives `keys` back from `from` to `to` (an undone merge); a key `from` no longer holds stays where it is. */
  async returnKeys(workspaceId: Types.ObjectId, keys: string[], from: Types.ObjectId, to: Types.ObjectId): Promise<void> {
    if (keys.length) await LeadKeyModel.updateMany({ workspaceId, leadId: from, key: { $in: keys } }, { $set: { leadId: to } });
  },

  async releaseKeys(workspaceId: Types.ObjectId, leadId: Types.ObjectId): Promise<void> {
    await LeadKeyModel.deleteMany({ workspaceId, leadId });
  },

  /** Drops reservations older than `before` whose lead was never written (a crash mid-create). */
  async dropOrphanKeys(workspaceId: Types.ObjectId, leadId: Types.ObjectId, before: Date): Promise<number> {
    if (await LeadModel.exists({ workspaceId, _id: leadId })) return 0;
    const res = await LeadKeyModel.deleteMany({ workspaceId, leadId, createdAt: { $lt: before } });
    return res.deletedCount;
  },

  async create(workspaceId: Types.ObjectId, data: Omit<Lead, 'workspaceId' | 'createdAt' | 'updatedAt'> & { _id: Types.ObjectId }): Promise<LeadEntity> {
    return (await LeadModel.create({ ...data, workspaceId })).toObject() as LeadEntity;
  },

  async byId(workspaceId: Types.ObjectId, id: unknown): Promise<LeadEntity | null> {
    return plainOne<LeadEntity>(await LeadModel.findOne({ workspaceId, _id: id }));
  },

  async bySeq(workspaceId: Types.ObjectId, seq: number): Promise<LeadEntity | null> {
    return plainOne<LeadEntity>(await LeadModel.findOne({ workspaceId, seq }));
  },

  async count(workspaceId: Types.ObjectId, q: LeadQuery = {}): Promise<number> {
    return LeadModel.countDocuments(toFilter(workspaceId, q));
  },

  async list(workspaceId: Types.ObjectId, q: LeadQuery, skip: number, limit: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find(toFilter(workspaceId, q)).sort({ updatedAt: -1, _id: -1 }).skip(skip).limit(limit));
  },

  /** Leads whose follow-up time has come and whose nudge is not queued yet. */
  async dueFollowUps(workspaceId: Types.ObjectId, now: Date, limit: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find({ workspaceId, deletedAt: null, stage: { $nin: CLOSED_STAGES }, followUpPending: true, nextFollowUpAt: { $lte: now } }).sort({ nextFollowUpAt: 1 }).limit(limit));
  },

  /**
   * Open leads at gone-quiet `level` whose last contact (or creation) is before `before` and, with
   * `nudgedBefore`, whose owner was nudged before then (or before this was recorded).
   */
  async quiet(workspaceId: Types.ObjectId, level: number, before: Date, limit: number, nudgedBefore?: Date): Promise<LeadEntity[]> {
    const quietSince = { $or: [{ lastContactAt: { $lte: before } }, { lastContactAt: null, createdAt: { $lte: before } }] };
    const nudged = nudgedBefore ? [{ $or: [{ quietNudgedAt: null }, { quietNudgedAt: { $lte: nudgedBefore } }] }] : [];
    return plainMany<LeadEntity>(await LeadModel.find({
      workspaceId,
      deletedAt: null,
      quietLevel: level,
      stage: { $nin: CLOSED_STAGES },
      $and: [quietSince, ...nudged],
    })
      .sort({ _id: 1 })
      .limit(limit));
  },

  /** The ids of every lead a member owns (ids only: a rep's ticket list is limited to them). */
  async idsOwnedBy(workspaceId: Types.ObjectId, ownerId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const rows = await LeadModel.find({ workspaceId, ownerId }, { _id: 1 }).lean();
    return rows.map((r) => r._id);
  },

  /** Open leads per stage, for the stages not in `keep` (what a pipeline change would strand). */
  async openCountsOutside(workspaceId: Types.ObjectId, keep: string[]): Promise<{ stage: string; count: number }[]> {
    const rows = await LeadModel.aggregate<{ _id: string; count: number }>([
      { $match: { workspaceId, stage: { $nin: keep } } },
      { $group: { _id: '$stage', count: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    return rows.map((r) => ({ stage: r._id, count: r.count }));
  },

  /** Applies `set` only if the lead still matches `expect` (optimistic check); null when it changed. */
  async update(workspaceId: Types.ObjectId, id: Types.ObjectId, expect: Record<string, unknown>, set: Record<string, unknown>): Promise<LeadEntity | null> {
    return plainOne<LeadEntity>(await LeadModel.findOneAndUpdate({ workspaceId, _id: id, ...expect }, { $set: set, $inc: { rev: 1 } }, { returnDocument: 'after' }));
  },
};
