import type { Types } from 'mongoose';
import { plainMany } from '../../platform/db/plain';
import { onlyEqualitiesPushDown } from '../../platform/db/engine';
import { LeadModel, type LeadEntity } from './lead.model';

// The duplicate engine's blocking keys on the leads: the candidate look-up and the start-up backfill.

/** Blocking-key queries sent at once on FerretDB (one per key): a lead's keys in one wave, an import's in bounded waves. */
export const KEY_QUERIES_AT_ONCE = 32;

export const leadBlockKeysRepo = {
  /**
   * Leads (not deleted) holding any of the duplicate engine's blocking keys, at most `limit`, those
   * sharing a phone or an e-mail first (a company key held by hundreds of leads must not crowd them
   * out), then those sharing the most keys, then the oldest. Rows come back as stored (lean: most are
   * only scored); `asLead` reads one through the schema.
   */
  async candidatesFor(workspaceId: Types.ObjectId, blockKeys: string[], limit: number): Promise<LeadEntity[]> {
    if (!blockKeys.length) return [];
    const rows = onlyEqualitiesPushDown() ? await byEachKey(workspaceId, blockKeys, limit) : await byStrongAndWeak(workspaceId, blockKeys, limit);
    return rankCandidates(rows, blockKeys, limit);
  },

  /** A stored row read through the schema (a lead written before a field existed gets its default), as repos return leads. */
  asLead(row: LeadEntity): LeadEntity {
    return LeadModel.hydrate(row).toObject() as LeadEntity;
  },

  /** Leads (any workspace) whose blocking keys are missing or from older rules than `version` (a start-up scan). */
  async withOldBlockKeys(version: number, limit: number): Promise<LeadEntity[]> {
    return plainMany<LeadEntity>(await LeadModel.find({ $or: [{ blockKeysV: null }, { blockKeysV: { $lt: version } }] }).sort({ _id: 1 }).limit(limit));
  },

  /**
   * Stores a lead's blocking keys and drops the copy an older version kept in `keys.block` (no rev bump:
   * they follow from its details, nothing a user changed).
   */
  async setBlockKeys(workspaceId: Types.ObjectId, id: Types.ObjectId, block: string[], version: number): Promise<void> {
    await LeadModel.updateOne({ workspaceId, _id: id }, { $set: { blockKeys: block, blockKeysV: version }, $unset: { 'keys.block': '', 'keys.blockV': '' } }, { strict: false, timestamps: false });
  },

};

// Phone and e-mail keys name one person; a company, domain or name key may be shared by many leads.
const STRONG_KEY = /^(p|e):/;
const weightOf = (key: string) => (STRONG_KEY.test(key) ? 100 : 1);

/**
 * MongoDB: one `$in` for the phone and e-mail keys and one for the others, side by side (one wait), each
 * on the multikey index, oldest first, so the few leads sharing a phone or an e-mail are always read.
 */
async function byStrongAndWeak(workspaceId: Types.ObjectId, keys: string[], limit: number): Promise<LeadEntity[]> {
  const groups = [keys.filter((k) => STRONG_KEY.test(k)), keys.filter((k) => !STRONG_KEY.test(k))].filter((g) => g.length);
  const found = await Promise.all(groups.map((g) => LeadModel.find({ workspaceId, deletedAt: null, blockKeys: { $in: g } }).sort({ seq: 1 }).limit(limit).lean()));
  return found.flat() as LeadEntity[];
}

/**
 * FerretDB evaluates `$in` (and any sort) over every row, so there each key is its own pushed-down
 * equality, unsorted, KEY_QUERIES_AT_ONCE sent side by side (a lead's few keys: one wait).
 */
async function byEachKey(workspaceId: Types.ObjectId, keys: string[], limit: number): Promise<LeadEntity[]> {
  const rows: LeadEntity[] = [];
  for (let i = 0; i < keys.length; i += KEY_QUERIES_AT_ONCE) {
    const wave = keys.slice(i, i + KEY_QUERIES_AT_ONCE);
    rows.push(...((await Promise.all(wave.map((key) => LeadModel.find({ workspaceId, blockKeys: key, deletedAt: null }).limit(limit).lean()))).flat() as LeadEntity[]));
  }
  return rows;
}

/** Each lead once, ranked by the weight of the keys it shares with `keys`, then the oldest; at most `limit`. */
function rankCandidates(rows: LeadEntity[], keys: string[], limit: number): LeadEntity[] {
  const wanted = new Set(keys);
  const byId = new Map<string, { lead: LeadEntity; score: number }>();
  for (const lead of rows) {
    if (byId.has(lead._id.toHexString())) continue;
    const score = ((lead as { blockKeys?: string[] }).blockKeys ?? []).reduce((sum, k) => sum + (wanted.has(k) ? weightOf(k) : 0), 0);
    byId.set(lead._id.toHexString(), { lead, score });
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.lead.seq - b.lead.seq).slice(0, limit).map((f) => f.lead);
}
