import type { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { MemberModel, type MemberEntity, type NameSource, type Role } from './member.model';
import { isDuplicateKeyError } from '../../platform/db/db-errors';

export const membersRepo = {
  /** Finds or creates the member; `created` is true only for the request that inserted it. */
  async ensure(workspaceId: Types.ObjectId, platformUserId: string, displayName: string, source: NameSource = 'handle'): Promise<{ member: MemberEntity; created: boolean }> {
    const existing = plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, platformUserId }));
    if (existing) {
      // A handle never replaces a real name; a real name replaces anything.
      const better = source === 'platform' || existing.nameSource !== 'platform';
      if (displayName && existing.displayName !== displayName && better) {
        const renamed = plainOne<MemberEntity>(await MemberModel.findOneAndUpdate({ workspaceId, _id: existing._id }, { $set: { displayName, nameSource: source } }, { returnDocument: 'after' }));
        return { member: renamed ?? { ...existing, displayName, nameSource: source }, created: false };
      }
      return { member: existing, created: false };
    }
    try {
      const member = await MemberModel.create({ workspaceId, platformUserId, displayName, nameSource: source, role: 'rep' });
      return { member: member.toObject() as MemberEntity, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const member = plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, platformUserId }));
      return { member: member as MemberEntity, created: false };
    }
  },

  async byId(workspaceId: Types.ObjectId, id: unknown): Promise<MemberEntity | null> {
    return plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, _id: id }));
  },

  async byIds(workspaceId: Types.ObjectId, ids: unknown[]): Promise<MemberEntity[]> {
    return plainMany<MemberEntity>(await MemberModel.find({ workspaceId, _id: { $in: ids } }));
  },

  async byPlatformUserIds(workspaceId: Types.ObjectId, platformUserIds: string[]): Promise<MemberEntity[]> {
    return plainMany<MemberEntity>(await MemberModel.find({ workspaceId, platformUserId: { $in: platformUserIds } }));
  },

  async byPlatformUserId(workspaceId: Types.ObjectId, platformUserId: string): Promise<MemberEntity | null> {
    return plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, platformUserId }));
  },

  async byRole(workspaceId: Types.ObjectId, role: Role): Promise<MemberEntity[]> {
    return plainMany<MemberEntity>(await MemberModel.find({ workspaceId, role }).sort({ createdAt: 1, _id: 1 }));
  },

  /** Ids of the members who report to `managerId` or share its (non-empty) team name. */
  async teamOf(workspaceId: Types.ObjectId, managerId: Types.ObjectId, team: string): Promise<Types.ObjectId[]> {
    const or: Record<string, unknown>[] = [{ managerId }];
    if (team) or.push({ team });
    const rows = await MemberModel.find({ workspaceId, $or: or }, { _id: 1 }).lean();
    return rows.map((r) => r._id);
  },

  async all(workspaceId: Types.ObjectId): Promise<MemberEntity[]> {
    return plainMany<MemberEntity>(await MemberModel.find({ workspaceId }).sort({ createdAt: 1, _id: 1 }));
  },

  async update(workspaceId: Types.ObjectId, id: unknown, set: Record<string, unknown>): Promise<MemberEntity | null> {
    return plainOne<MemberEntity>(await MemberModel.findOneAndUpdate({ workspaceId, _id: id }, { $set: set }, { returnDocument: 'after' }));
  },
};
