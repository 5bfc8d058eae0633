import type { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { AdminSeatModel, WorkspaceModel, type Workspace, type WorkspaceEntity } from './workspace.model';
import { isDuplicateKeyError, retryOnDuplicate } from '../../platform/db/db-errors';
import { identityCache } from './identity-cache';

/** Caches a workspace once it has its admin (until then each arrival goes the full way, see resolveIdentity). */
function remember(ws: WorkspaceEntity | null): WorkspaceEntity | null {
  if (ws?.adminClaimed) identityCache.putWorkspace(ws);
  return ws;
}

export interface WorkspaceDefaults {
  locale: string;
  timezone: string;
  phoneRegion: string;
}

export const workspacesRepo = {
  /** The workspace, from the cache or one read; created (the only write) when it does not exist yet. */
  async ensure(platform: Workspace['platform'], externalId: string, name: string, defaults: WorkspaceDefaults): Promise<WorkspaceEntity> {
    const cached = identityCache.workspace(platform, externalId);
    if (cached) return cached;
    const found = plainOne<WorkspaceEntity>(await WorkspaceModel.findOne({ platform, externalId }));
    if (found) return remember(found)!;
    const doc = await retryOnDuplicate(() =>
      WorkspaceModel.findOneAndUpdate(
        { platform, externalId },
        { $setOnInsert: { platform, externalId, name, settings: { ...defaults } } },
        { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
      ),
    );
    return plainOne<WorkspaceEntity>(doc) as WorkspaceEntity;
  },

  /** Every workspace (a small collection), or those of one platform: the jobs fan out over them. */
  async all(platform?: Workspace['platform']): Promise<WorkspaceEntity[]> {
    return plainMany<WorkspaceEntity>(await WorkspaceModel.find(platform ? { platform } : {}).sort({ _id: 1 }));
  },

  /** True when the database holds this platform's workspace (the sandbox demo is seeded when it does not). */
  async exists(platform: Workspace['platform'], externalId: string): Promise<boolean> {
    return (await WorkspaceModel.exists({ platform, externalId })) !== null;
  },

  async byId(workspaceId: unknown): Promise<WorkspaceEntity | null> {
    return plainOne<WorkspaceEntity>(await WorkspaceModel.findById(workspaceId));
  },

  /**
   * Hands out the one admin seat: true for exactly one member per workspace, however many race, and
   * true again for that member until the workspace is marked as having its admin (so a first member
   * whose promotion was interrupted gets it on their next request).
   */
  async claimAdminSeat(workspaceId: Types.ObjectId, memberId: Types.ObjectId): Promise<boolean> {
    if (!(await WorkspaceModel.exists({ _id: workspaceId, adminClaimed: false }))) return false;
    try {
      await AdminSeatModel.create({ workspaceId, memberId, at: new Date() });
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const seat = await AdminSeatModel.findOne({ workspaceId }).lean();
      return Boolean(seat?.memberId?.equals(memberId));
    }
  },

  /** The admin seat's holder is an admin now: no more seat claims in this workspace. */
  async markAdminSeated(ws: WorkspaceEntity): Promise<void> {
    await WorkspaceModel.updateOne({ _id: ws._id }, { $set: { adminClaimed: true } });
    remember({ ...ws, adminClaimed: true });
  },

  async updateSettings(workspaceId: unknown, set: Record<string, unknown>): Promise<WorkspaceEntity | null> {
    const prefixed = Object.fromEntries(Object.entries(set).map(([k, v]) => [`settings.${k}`, v]));
    const ws = plainOne<WorkspaceEntity>(await WorkspaceModel.findOneAndUpdate({ _id: workspaceId }, { $set: prefixed }, { returnDocument: 'after' }));
    if (ws) identityCache.forgetWorkspace(ws);
    return remember(ws);
  },
};
