import { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { LeadModel, type Lead, type LeadEntity } from './lead.model';
import { LeadKeyModel } from './lead-key.model';
import { isDuplicateKeyError } from '../../platform/db/db-errors';
import { CLOSED_STAGES } from '../workspaces';
import { leadBuckets, bucketChanges } from './lead-buckets';
import { leadTotalsRepo } from './lead-totals.repo';

export interface LeadKeys {
  phones: string[];
  emails: string[];
  company: string;
  contact: string;
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

/** The bucket fields `set` alone decides (the others are fixed up after the write). */
function bucketsFromSet(set: Record<string, unknown>): Record<string, unknown> {
  const b = leadBuckets(set as Parameters<typeof leadBuckets>[0]);
  const out: Record<string, unknown> = {};
  if ('keys' in set) Object.assign(out, { phoneKeys: b.phoneKeys, emailKeys: b.emailKeys });
  if ('nextFollowUpAt' in set) out.followUpHour = b.followUpHour;
  if ('quietNudgedAt' in set) out.quietNudgedDay = b.quietNudgedDay;
  if (set.lastContactAt) out.activityDay = b.activityDay;
  return out;
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
  // Top-level copies of the keys: FerretDB pushes `field = value` down, not nested paths.
  if (q.phone) f.phoneKeys = q.phone;
  if (q.email) f.emailKeys = q.email;
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

type NewLead = Omit<Lead, 'workspaceId' | 'createdAt' | 'updatedAt' | keyof import('./lead-buckets').LeadBuckets> & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };

function withBuckets(workspaceId: Types.ObjectId, data: NewLead) {
  const now = new Date();
  const full = { createdAt: now, updatedAt: now, ...data, workspaceId };
  return { ...full, ...leadBuckets(full) };
}

/** `lead` with `set` applied, read through the schema (as the database now holds it). */
function applied(lead: LeadEntity, set: Record<string, unknown>): LeadEntity {
  const doc = LeadModel.hydrate(lead);
  doc.set(set);
  return doc.toObject() as LeadEntity;
}

export const leadsRepo = {
  newId(): Types.ObjectId {
    return new Types.ObjectId();
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

  /** Reserves for `leadId` each of `keys` no lead holds yet, in one unordered insert (a key held already stays with its holder). */
  async holdKeys(workspaceId: Types.ObjectId, leadId: Types.ObjectId, keys: string[]): Promise<void> {
    if (!keys.length) return;
    const createdAt = new Date();
    try {
      await LeadKeyModel.collection.insertMany(keys.map((key) => ({ workspaceId, key, leadId, createdAt })), { ordered: false });
    } catch (err) {
      const failed = (err as { writeErrors?: { code?: number }[] }).writeErrors;
      if (failed ? failed.some((e) => e.code !== 11000) : !isDuplicateKeyError(err)) throw err;
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

  async create(workspaceId: Types.ObjectId, data: NewLead): Promise<LeadEntity> {
    const doc = withBuckets(workspaceId, data);
    const lead = (await LeadModel.create(doc)).toObject() as LeadEntity;
    void leadTotalsRepo.record(workspaceId, null, lead).catch(() => undefined);
    return lead;
  },

  /**
   * Many new leads in one write (imports, benchmarks): the same fields and summaries as `create`.
   * With `totals: 'later'` the summary is left to the caller's one `leadTotalsRepo.reconcile` after
   * its last batch (a reconcile per batch reads the workspace's leads again each time).
   */
  async createMany(workspaceId: Types.ObjectId, data: NewLead[], opts: { totals?: 'later' } = {}): Promise<void> {
    const docs = data.map((d) => withBuckets(workspaceId, d));
    await LeadModel.insertMany(docs, { ordered: false });
    if (opts.totals === 'later') return;
    // A big batch rebuilds the totals in one pass (FerretDB updates a totals row in tens of ms; an
    // import's thousands of increments would take minutes).
    if (docs.length > 50) await leadTotalsRepo.reconcile(workspaceId);
    else await leadTotalsRepo.recordMany(workspaceId, docs.map((d) => [null, d as LeadEntity]));
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
    // One round trip: the bucket fields `set` decides alone go with it; the summaries follow after.
    const full = { ...set, ...bucketsFromSet(set), updatedAt: new Date() };
    const before = plainOne<LeadEntity>(await LeadModel.findOneAndUpdate({ workspaceId, _id: id, ...expect }, { $set: full, $inc: { rev: 1 } }, { returnDocument: 'before', timestamps: false }));
    if (!before) return null;
    let after = applied(before, { ...full, rev: (before.rev ?? 0) + 1 });
    const drift = bucketChanges(after, leadBuckets(after));
    // A bucket that depends on a field `set` did not carry (e.g. last contact cleared: back to the creation day).
    if (Object.keys(drift).length) {
      await LeadModel.updateOne({ workspaceId, _id: id }, { $set: drift }, { timestamps: false });
      after = { ...after, ...drift };
    }
    void leadTotalsRepo.record(workspaceId, before, after).catch(() => undefined);
    return after;
  },

  /** Leads whose follow-up falls due in hour bucket `hour` (the sweep filters what is due and pending). */
  async followUpsInHour(workspaceId: Types.ObjectId, hour: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find({ workspaceId, followUpHour: hour }));
  },

  /** Leads whose last activity (contact, else creation) was on day bucket `day`. */
  async activeOnDay(workspaceId: Types.ObjectId, day: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find({ workspaceId, activityDay: day }));
  },

  /** `activeOnDay` with only what the digest's stale figure reads (a day's bucket holds thousands at 100,000 leads). */
  async activeOnDayBrief(workspaceId: Types.ObjectId, day: number) {
    return LeadModel.find({ workspaceId, activityDay: day }, { seq: 1, company: 1, stage: 1, ownerId: 1, lastContactAt: 1, createdAt: 1, deletedAt: 1 }).lean();
  },

  /** Leads whose owner was nudged about a quiet spell on day bucket `day`. */
  async nudgedOnDay(workspaceId: Types.ObjectId, day: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find({ workspaceId, quietNudgedDay: day }));
  },

  /** Value, currency, stage and owner of the live leads among `ids`: one equality look-up each, side by side. */
  async valuesOf(workspaceId: Types.ObjectId, ids: unknown[]) {
    const out = [];
    for (let i = 0; i < ids.length; i += 25) {
      const rows = await Promise.all(ids.slice(i, i + 25).map((_id) => LeadModel.findOne({ workspaceId, _id }, { value: 1, currency: 1, stage: 1, ownerId: 1, deletedAt: 1 }).lean()));
      for (const r of rows) if (r && !r.deletedAt) out.push(r);
    }
    return out;
  },

  /** Leads created on day bucket `day`: what the digest's new-leads figure needs of them. */
  async createdOnDay(workspaceId: Types.ObjectId, day: number) {
    return LeadModel.find({ workspaceId, createdDay: day }, { createdAt: 1, ownerId: 1, deletedAt: 1 }).lean();
  },
};
