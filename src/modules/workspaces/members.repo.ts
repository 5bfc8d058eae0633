import type { Types } from 'mongoose';
import { MemberModel, type MemberDoc, type NameSource, type Role } from './member.model';
import { isDuplicateKeyError } from '../../platform/db/db-errors';

export const membersRepo = {
  /** Finds or creates the member; `created` is true only for the request that inserted it. */
  async ensure(workspaceId: Types.ObjectId, platformUserId: string, displayName: string, source: NameSource = 'handle'): Promise<{ member: MemberDoc; created: boolean }> {
    const existing = await MemberModel.findOne({ workspaceId, platformUserId });
    if (existing) {
      // A handle never replaces a real name; a real name replaces anything.
      const better = source === 'platform' || existing.nameSource !== 'platform';
      if (displayName && existing.displayName !== displayName && better) {
        existing.displayName = displayName;
        existing.nameSource = source;
        await existing.save();
      }
      return { member: existing as MemberDoc, created: false };
    }
    try {
      const member = await MemberModel.create({ workspaceId, platformUserId, displayName, nameSource: source, role: 'rep' });
      return { member: member as MemberDoc, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const member = await MemberModel.findOne({ workspaceId, platformUserId });
      return { member: member as MemberDoc, created: false };
    }
  },

  async byId(workspaceId: Types.ObjectId, id: unknown): Promise<MemberDoc | null> {
    return MemberModel.findOne({ workspaceId, _id: id }) as Promise<MemberDoc | null>;
  },

  async byIds(workspaceId: Types.ObjectId, ids: unknown[]): Promise<MemberDoc[]> {
    return MemberModel.find({ workspaceId, _id: { $in: ids } }) as Promise<MemberDoc[]>;
  },

  async byPlatformUserIds(workspaceId: Types.ObjectId, platformUserIds: string[]): Promise<MemberDoc[]> {
    return MemberModel.find({ workspaceId, platformUserId: { $in: platformUserIds } }) as Promise<MemberDoc[]>;
  },

  async byPlatformUserId(workspaceId: Types.ObjectId, platformUserId: string): Promise<MemberDoc | null> {
    return MemberModel.findOne({ workspaceId, platformUserId }) as Promise<MemberDoc | null>;
  },

  async byRole(workspaceId: Types.ObjectId, role: Role): Promise<MemberDoc[]> {
    return MemberModel.find({ workspaceId, role }).sort({ createdAt: 1, _id: 1 }) as Promise<MemberDoc[]>;
  },

  /** Ids of the members who report to `managerId` or share its (non-empty) team name. */
  async teamOf(workspaceId: Types.ObjectId, managerId: Types.ObjectId, team: string): Promise<Types.ObjectId[]> {
    const or: Record<string, unknown>[] = [{ managerId }];
    if (team) or.push({ team });
    const rows = await MemberModel.find({ workspaceId, $or: or }, { _id: 1 }).lean();
    return rows.map((r) => r._id);
  },

  async all(workspaceId: Types.ObjectId): Promise<MemberDoc[]> {
    return MemberModel.find({ workspaceId }).sort({ createdAt: 1, _id: 1 }) as Promise<MemberDoc[]>;
  },

  async update(workspaceId: Types.ObjectId, id: unknown, set: Record<string, unknown>): Promise<MemberDoc | null> {
    return MemberModel.findOneAndUpdate({ workspaceId, _id: id }, { $set: set }, { returnDocument: 'after' }) as Promise<MemberDoc | null>;
  },
};
