import type { Types } from 'mongoose';
import { ChangeModel } from './change.model';
import { isDuplicateKeyError } from '../db/db-errors';

export const changesRepo = {
  /**
   * Takes the one change allowed from an entity's state `basis` (its `rev` as read); false when a
   * simultaneous change from the same state took it first.
   */
  async reserve(workspaceId: Types.ObjectId, entityId: Types.ObjectId, basis: number): Promise<boolean> {
    try {
      await ChangeModel.create({ workspaceId, entityId, basis, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  },

  /** Gives a reserved change back (its update did not happen). */
  async release(entityId: Types.ObjectId, basis: number): Promise<void> {
    await ChangeModel.deleteOne({ entityId, basis });
  },
};
