import type { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { MemberModel, type MemberEntity, type NameSource, type Role } from './member.model';
import { isDuplicateKeyError } from '../../platform/db/db-errors';
import { identityCache, roleListName } from './identity-cache';

/** A member as cached (the caller may not change what the cache holds). */
function remember(m: MemberEntity | null): MemberEntity | null {
  if (m) identityCache.putMember(m);
  return m;
}

/** A write changed a member: every cached member list of the workspace may be wrong now. */
function changed(workspaceId: Types.ObjectId, m: MemberEntity | null): MemberEntity | null {
  identityCache.forgetMembers(workspaceId);
  return remember(m);
}

export const membersRepo = {
  /** Finds or creates the member; `created` is true only for the request that inserted it. */
  async ensure(workspaceId: Types.ObjectId, platformUserId: string, displayName: string, source: NameSource = 'handle'): Promise<{ member: MemberEntity; created: boolean }> {
    const existing = identityCache.member(workspaceId, 'user', platformUserId) ?? remember(plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, platformUserId })));
    if (existing) {
      // A handle never replaces a real name; a real name replaces anything.
      const better = source === 'platform' || existing.nameSource !== 'platform';
      if (displayName && existing.displayName !== displayName && better) {
        const renamed = changed(workspaceId, plainOne<MemberEntity>(await MemberModel.findOneAndUpdate({ workspaceId, _id: existing._id }, { $set: { displayName, nameSource: source } }, { returnDocument: 'after' })));
        return { member: renamed ?? { ...existing, displayName, nameSource: source }, created: false };
      }
      return { member: existing, created: false };
    }
    try {
      const member = await MemberModel.create({ workspaceId, platformUserId, displayName, nameSource: source, role: 'rep' });
      return { member: changed(workspaceId, member.toObject() as MemberEntity)!, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const member = plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, platformUserId }));
      return { member: member as MemberEntity, created: false };
    }
  },

  async byId(workspaceId: Types.ObjectId, id: unknown): Promise<MemberEntity | null> {
    return identityCache.member(workspaceId, 'id', String(id)) ?? remember(plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, _id: id })));
  },

  /** The members with these ids; those cached cost no read, the others one read together. */
  async byIds(workspaceId: Types.ObjectId, ids: unknown[]): Promise<MemberEntity[]> {
    const wanted = [...new Set(ids.map(String))];
    const known = wanted.map((id) => identityCache.member(workspaceId, 'id', id)).filter((m): m is MemberEntity => Boolean(m));
    const missing = wanted.filter((id) => !known.some((m) => String(m._id) === id));
    if (!missing.length) return known;
    const read = plainMany<MemberEntity>(await MemberModel.find({ workspaceId, _id: { $in: missing } }));
    read.forEach((m) => identityCache.putMember(m));
    return [...known, ...read];
  },

  async byPlatformUserIds(workspaceId: Types.ObjectId, platformUserIds: string[]): Promise<MemberEntity[]> {
    return plainMany<MemberEntity>(await MemberModel.find({ workspaceId, platformUserId: { $in: platformUserIds } }));
  },

  async byPlatformUserId(workspaceId: Types.ObjectId, platformUserId: string): Promise<MemberEntity | null> {
    return plainOne<MemberEntity>(await MemberModel.findOne({ workspaceId, platformUserId }));
  },

  async byRole(workspaceId: Types.ObjectId, role: Role): Promise<MemberEntity[]> {
    return identityCache.list(workspaceId, roleListName(role), async () => plainMany<MemberEntity>(await MemberModel.find({ workspaceId, role }).sort({ createdAt: 1, _id: 1 })));
  },

  /** Ids of the members who report to `managerId` or share its (non-empty) team name. */
  async teamOf(workspaceId: Types.ObjectId, managerId: Types.ObjectId, team: string): Promise<Types.ObjectId[]> {
    const or: Record<string, unknown>[] = [{ managerId }];
    if (team) or.push({ team });
    return identityCache.list(workspaceId, `team:${String(managerId)}:${team}`, async () => {
      const rows = await MemberModel.find({ workspaceId, $or: or }, { _id: 1 }).lean();
      return rows.map((r) => r._id);
    });
  },

  async all(workspaceId: Types.ObjectId): Promise<MemberEntity[]> {
    return plainMany<MemberEntity>(await MemberModel.find({ workspaceId }).sort({ createdAt: 1, _id: 1 }));
  },

  async update(workspaceId: Types.ObjectId, id: unknown, set: Record<string, unknown>): Promise<MemberEntity | null> {
    return changed(workspaceId, plainOne<MemberEntity>(await MemberModel.findOneAndUpdate({ workspaceId, _id: id }, { $set: set }, { returnDocument: 'after' })));
  },
};
