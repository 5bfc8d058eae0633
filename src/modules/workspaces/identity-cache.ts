import type { Types } from 'mongoose';
import { TtlCache } from '../../platform/cache/ttl-cache';
import type { WorkspaceEntity } from './workspace.model';
import type { MemberEntity, Role } from './member.model';

// Who is asking, kept in process for a short while so a request reads no workspace or member: the
// workspace by its platform id, members by platform user id and by id, a manager's team, the reps.
// Every write through the repos drops what it changes (the whole workspace's members: a role or team
// change moves people between lists); another instance's change is seen within TTL_MS.

export const IDENTITY_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

const cache = new TtlCache<unknown>(MAX_ENTRIES, IDENTITY_TTL_MS);

const wsKey = (platform: string, externalId: string) => `w:${platform}:${externalId}`;
const memberPrefix = (workspaceId: Types.ObjectId) => `m:${String(workspaceId)}:`;

export const identityCache = {
  workspace(platform: string, externalId: string): WorkspaceEntity | undefined {
    return cache.get(wsKey(platform, externalId)) as WorkspaceEntity | undefined;
  },

  putWorkspace(ws: WorkspaceEntity): void {
    cache.set(wsKey(ws.platform, ws.externalId), ws);
  },

  forgetWorkspace(ws: Pick<WorkspaceEntity, 'platform' | 'externalId'>): void {
    cache.delete(wsKey(ws.platform, ws.externalId));
  },

  member(workspaceId: Types.ObjectId, how: 'user' | 'id', key: string): MemberEntity | undefined {
    return cache.get(`${memberPrefix(workspaceId)}${how}:${key}`) as MemberEntity | undefined;
  },

  putMember(m: MemberEntity): void {
    const p = memberPrefix(m.workspaceId as Types.ObjectId);
    cache.set(`${p}user:${m.platformUserId}`, m);
    cache.set(`${p}id:${String(m._id)}`, m);
  },

  /** A list derived from the members (a team, a role): `load` runs when it is not cached. */
  async list<T>(workspaceId: Types.ObjectId, name: string, load: () => Promise<T>): Promise<T> {
    const key = `${memberPrefix(workspaceId)}list:${name}`;
    const hit = cache.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    const value = await load();
    cache.set(key, value);
    return value;
  },

  forgetMembers(workspaceId: Types.ObjectId): void {
    cache.deletePrefix(memberPrefix(workspaceId));
  },

  /** Everything (tests that write behind the app's back, a restore). */
  clear(): void {
    cache.clear();
  },
};

export const roleListName = (role: Role) => `role:${role}`;

/** Drops every cached workspace and member: after writes made behind the repos' back (tests, a restore). */
export function forgetCachedIdentities(): void {
  identityCache.clear();
}
