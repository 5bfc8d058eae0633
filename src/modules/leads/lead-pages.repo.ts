import type { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { LeadModel, type LeadEntity } from './lead.model';

// Reads for background walks and for lists that name leads by id (the duplicate pairs).

/** Look-ups sent side by side at most (each one an equality find on the indexed `_id`). */
const PARALLEL = 25;

export const leadPagesRepo = {
  /**
   * The next page of a workspace's live leads in `_id` order, after `after` (null: from the start).
   * Keyset paging needs a range on `_id`: for background jobs, not for a request's answer.
   */
  async pageAfter(workspaceId: Types.ObjectId, after: Types.ObjectId | null, limit: number): Promise<LeadEntity[]> {
    const f: Record<string, unknown> = { workspaceId, deletedAt: null };
    if (after) f._id = { $gt: after };
    return plainMany<LeadEntity>(await LeadModel.find(f).sort({ _id: 1 }).limit(limit));
  },

  /** The leads with these ids (deleted ones too: the caller decides), by equality finds side by side. */
  async byIds(workspaceId: Types.ObjectId, ids: Types.ObjectId[]): Promise<LeadEntity[]> {
    const out: LeadEntity[] = [];
    for (let i = 0; i < ids.length; i += PARALLEL) {
      const rows = await Promise.all(ids.slice(i, i + PARALLEL).map(async (_id) => plainOne<LeadEntity>(await LeadModel.findOne({ workspaceId, _id }))));
      for (const r of rows) if (r) out.push(r);
    }
    return out;
  },
};
