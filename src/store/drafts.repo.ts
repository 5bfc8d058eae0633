import type { Types } from 'mongoose';
import { DraftModel } from './draft.model';

export const draftsRepo = {
  async save(workspaceId: Types.ObjectId, memberId: Types.ObjectId, data: unknown): Promise<string> {
    const d = await DraftModel.create({ workspaceId, memberId, data, createdAt: new Date() });
    return String(d._id);
  },

  /** Marks the draft used and returns its data; null when unknown or already used (double click). */
  async take(workspaceId: Types.ObjectId, memberId: Types.ObjectId, id: string): Promise<unknown | null> {
    const d = await DraftModel.findOneAndUpdate({ workspaceId, memberId, _id: id, usedAt: null }, { $set: { usedAt: new Date() } });
    return d ? d.data : null;
  },

  async release(workspaceId: Types.ObjectId, id: string): Promise<void> {
    await DraftModel.updateOne({ workspaceId, _id: id }, { $set: { usedAt: null } });
  },
};
