import type { Types } from 'mongoose';
import { plainOne } from '../../platform/db/plain';
import { MergeModel, type Merge, type MergeEntity } from './merge.model';

export const mergesRepo = {
  async create(workspaceId: Types.ObjectId, data: Omit<Merge, 'workspaceId' | 'undoneAt' | 'undoneById' | 'interactionIds' | 'ticketIds' | 'keys'>): Promise<MergeEntity> {
    return (await MergeModel.create({ ...data, workspaceId })).toObject() as MergeEntity;
  },

  /** Records what was moved off the loser (written once the moves are done). */
  async setMoved(workspaceId: Types.ObjectId, id: Types.ObjectId, moved: { interactionIds: Types.ObjectId[]; ticketIds: Types.ObjectId[]; keys: string[] }): Promise<void> {
    await MergeModel.updateOne({ workspaceId, _id: id }, { $set: moved });
  },

  async remove(workspaceId: Types.ObjectId, id: Types.ObjectId): Promise<void> {
    await MergeModel.deleteOne({ workspaceId, _id: id });
  },

  /** The latest merge that took `loserId` away and is not undone. */
  async activeFor(workspaceId: Types.ObjectId, loserId: Types.ObjectId): Promise<MergeEntity | null> {
    return plainOne<MergeEntity>(await MergeModel.findOne({ workspaceId, loserId, undoneAt: null }).sort({ at: -1 }));
  },

  /** Marks the merge undone; null when it already was (a second unmerge at the same moment). */
  async markUndone(workspaceId: Types.ObjectId, id: Types.ObjectId, at: Date, byId: Types.ObjectId): Promise<MergeEntity | null> {
    return plainOne<MergeEntity>(await MergeModel.findOneAndUpdate({ workspaceId, _id: id, undoneAt: null }, { $set: { undoneAt: at, undoneById: byId } }, { returnDocument: 'after' }));
  },

  /** Gives an undo back (the leads could not be put back). */
  async clearUndone(workspaceId: Types.ObjectId, id: Types.ObjectId): Promise<void> {
    await MergeModel.updateOne({ workspaceId, _id: id }, { $set: { undoneAt: null, undoneById: null } });
  },
};
