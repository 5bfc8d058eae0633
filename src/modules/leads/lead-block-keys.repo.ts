import type { Types } from 'mongoose';
import { plainMany } from '../../platform/db/plain';
import { onlyEqualitiesPushDown } from '../../platform/db/engine';
import { LeadModel, type LeadEntity } from './lead.model';

// The duplicate engine's blocking keys on the leads: the candidate look-up and the start-up backfill.

/** Blocking-key queries sent at once on FerretDB (one per key): a lead's keys in one wave, an import's in bounded waves. */
export const KEY_QUERIES_AT_ONCE = 32;

export const leadBlockKeysRepo = {
  /**
   * Leads (not deleted) holding any of the duplicate engine's blocking keys, at most `limit`. MongoDB: one
   * `$in` on the multikey index, the oldest first. FerretDB evaluates `$in` (and any sort) over every row,
   * so there each key is its own pushed-down equality, unsorted, KEY_QUERIES_AT_ONCE sent side by side (a
   * lead's few keys: one wait); of what they return, the leads sharing the most keys come first, then
   * the oldest (a key so common that `limit` leads hold it says little: any `limit` of them do).
   * Rows come back as stored (lean: most are only scored); `asLead` reads one through the schema.
   */
  async candidatesFor(workspaceId: Types.ObjectId, blockKeys: string[], limit: number): Promise<LeadEntity[]> {
    if (!blockKeys.length) return [];
    if (!onlyEqualitiesPushDown()) {
      return (await LeadModel.find({ workspaceId, deletedAt: null, blockKeys: { $in: blockKeys } }).sort({ seq: 1 }).limit(limit).lean()) as LeadEntity[];
    }
    const found = new Map<string, { lead: LeadEntity; hits: number }>();
    for (let i = 0; i < blockKeys.length; i += KEY_QUERIES_AT_ONCE) {
      const wave = blockKeys.slice(i, i + KEY_QUERIES_AT_ONCE);
      const rows = await Promise.all(wave.map((key) => LeadModel.find({ workspaceId, blockKeys: key, deletedAt: null }).limit(limit).lean()));
      for (const lead of rows.flat() as LeadEntity[]) {
        const seen = found.get(lead._id.toHexString());
        found.set(lead._id.toHexString(), { lead, hits: (seen?.hits ?? 0) + 1 });
      }
    }
    return [...found.values()].sort((a, b) => b.hits - a.hits || a.lead.seq - b.lead.seq).slice(0, limit).map((f) => f.lead);
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
