import type { Types } from 'mongoose';
import { DraftModel } from './draft.model';
import { changesRepo } from '../changes/changes.repo';

// A draft is used once: taking it is the one change allowed from its only state (see changes.repo),
// so of two simultaneous "Create anyway" clicks exactly one gets it, even on FerretDB.
const ONLY_STATE = 0;

export const draftsRepo = {
  async save(workspaceId: Types.ObjectId, memberId: Types.ObjectId, data: unknown): Promise<string> {
    const d = await DraftModel.create({ workspaceId, memberId, data, createdAt: new Date() });
    return String(d._id);
  },

  /** Takes the draft and returns its data; null when unknown or already taken (double click). */
  async take(workspaceId: Types.ObjectId, memberId: Types.ObjectId, id: string): Promise<unknown | null> {
    // usedAt: drafts taken before the change rows existed.
    const d = await DraftModel.findOne({ workspaceId, memberId, _id: id, usedAt: null });
    if (!d || !(await changesRepo.reserve(workspaceId, d._id, ONLY_STATE))) return null;
    return d.data;
  },

  /** Gives a taken draft back (creating from it failed), so the user can click again. */
  async release(workspaceId: Types.ObjectId, id: string): Promise<void> {
    const d = await DraftModel.findOne({ workspaceId, _id: id }, { _id: 1 });
    if (d) await changesRepo.release(d._id as Types.ObjectId, ONLY_STATE);
  },
};
