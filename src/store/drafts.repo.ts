import type { Types } from 'mongoose';
import { DraftModel, DraftUseModel } from './draft.model';
import { isDuplicateKeyError } from './db-errors';

export const draftsRepo = {
  async save(workspaceId: Types.ObjectId, memberId: Types.ObjectId, data: unknown): Promise<string> {
    const d = await DraftModel.create({ workspaceId, memberId, data, createdAt: new Date() });
    return String(d._id);
  },

  /** Marks the draft used and returns its data; null when unknown or already used (double click). */
  async take(workspaceId: Types.ObjectId, memberId: Types.ObjectId, id: string): Promise<unknown | null> {
    const d = await DraftModel.findOne({ workspaceId, memberId, _id: id, usedAt: null });
    if (!d) return null;
    try {
      await DraftUseModel.create({ draftId: d._id, at: new Date() });
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
    try {
      await DraftModel.updateOne({ _id: d._id }, { $set: { usedAt: new Date() } });
    } catch (err) {
      // Not marked used: give the draft back, so a later click can still create the lead.
      await DraftUseModel.deleteOne({ draftId: d._id }).catch(() => undefined);
      throw err;
    }
    return d.data;
  },

  /** Gives a taken draft back (creating from it failed), so the user can click again. */
  async release(workspaceId: Types.ObjectId, id: string): Promise<void> {
    const d = await DraftModel.findOneAndUpdate({ workspaceId, _id: id }, { $set: { usedAt: null } });
    if (d) await DraftUseModel.deleteOne({ draftId: d._id });
  },
};
