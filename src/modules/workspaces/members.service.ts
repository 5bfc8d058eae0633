import type { Types } from 'mongoose';
import { isTimeZone } from '../../config';
import { membersRepo } from './members.repo';
import { workspacesRepo, type WorkspaceDefaults } from './workspaces.repo';
import { auditRepo } from '../../platform/audit/audit.repo';
import { ROLES, type MemberEntity, type NameSource, type Role } from './member.model';

export { ROLES };
import type { WorkspaceEntity } from './workspace.model';
import { type Actor, type Platform, wsId } from './actor';
import { assertAdmin } from './access';
import { userError } from '../../platform/errors';
import { memberName } from './member-name';
import { DIRECTORY_RETRY_MS, lookUpName } from '../../platform/directory';

/** Finds or creates the workspace and member behind a chat request; the first member becomes admin. */
export async function resolveIdentity(
  platform: Platform,
  workspaceExternalId: string,
  workspaceName: string,
  userId: string,
  userName: string,
  defaults: WorkspaceDefaults,
  nameSource: NameSource = 'handle',
): Promise<{ workspace: WorkspaceEntity; member: MemberEntity }> {
  const workspace = await workspacesRepo.ensure(platform, workspaceExternalId, workspaceName, defaults);
  const ws = workspace._id as Types.ObjectId;
  const { member, created } = await membersRepo.ensure(ws, userId, userName, nameSource);
  // Until the workspace has its admin, every arrival tries for the seat (the first member's promotion
  // may have been interrupted); afterwards this is one read of the workspace, already loaded.
  if (!created && workspace.adminClaimed) return { workspace, member };
  const audit = (action: string, after: unknown) =>
    auditRepo.record(ws, { actorId: member._id, platform, action, entity: 'member', entityId: member._id, before: null, after });
  if (created) await audit('member.create', { platformUserId: userId, role: 'rep' });
  if (!(await workspacesRepo.claimAdminSeat(ws, member._id))) return { workspace, member };
  let admin = member;
  if (member.role !== 'admin') {
    admin = (await membersRepo.update(ws, member._id, { role: 'admin' })) ?? member;
    await audit('member.role', { role: 'admin', reason: 'first member of the workspace' });
  }
  await workspacesRepo.markAdminSeated(workspace);
  return { workspace, member: admin };
}

/** A mention as typed: Slack's escaped `<@U123|handle>` names the user id; a typed `@…` may be an id or a name. */
export interface MentionRef {
  id: string;
  /** The handle the mention carried (never taken for the member's real name). */
  name: string;
  /** Typed by hand (`@li.wei`, `@李伟`), not an escaped platform mention: may name a member by name. */
  typed?: boolean;
}

// What a typed user id can look like (WeCom and sandbox ids: letters, digits, `_ . -`); anything else is a name.
const LOOKS_LIKE_ID: Record<Platform, RegExp> = { slack: /^[UW][A-Z0-9]{2,20}$/, wecom: /^[\w.-]{1,64}$/, sandbox: /^[\w.-]{1,64}$/ };

/** A member named by a mention; created as a rep when they have not used ChatCRM yet. */
export async function memberForMention(actor: Actor, who: MentionRef): Promise<MemberEntity> {
  const known = await membersRepo.byPlatformUserId(wsId(actor), who.id);
  if (known) return refreshName(actor, known);
  if (who.typed) {
    const named = await membersNamed(actor, who.id);
    if (named.length === 1) return named[0];
    if (named.length > 1) throw userError('conflict', 'error.member_ambiguous', { name: who.id, matches: named.map(describeMember).join(', '), example: named[0].platformUserId });
    if (!LOOKS_LIKE_ID[actor.platform].test(who.id)) throw userError('not_found', 'error.member_no_match', { name: who.id });
  }
  // A handle only names a newcomer until the platform's directory gives the real name.
  const { member, created } = await membersRepo.ensure(wsId(actor), who.id, who.typed ? '' : who.name);
  if (created) {
    await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action: 'member.create', entity: 'member', entityId: member._id, before: null, after: { platformUserId: who.id, role: 'rep' } });
  }
  return refreshName(actor, member);
}

/** Members whose shown name is `name` (case and spacing aside). */
async function membersNamed(actor: Actor, name: string): Promise<MemberEntity[]> {
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const want = fold(name);
  const all = await membersRepo.all(wsId(actor));
  return all.filter((m) => [m.chosenName, m.displayName].some((n) => n && fold(n) === want));
}

const describeMember = (m: MemberEntity) => `${memberName(m)} (@${m.platformUserId})`;

/**
 * The member with their real display name from the platform's directory, asked once and cached on the
 * member (asked again a day later when the platform had none). A handle never replaces it.
 */
export async function refreshName(actor: Actor, member: MemberEntity): Promise<MemberEntity> {
  const dir = actor.directory;
  if (!dir || member.nameSource === 'platform') return member;
  const checked = member.nameCheckedAt?.getTime() ?? 0;
  if (actor.now().getTime() - checked < DIRECTORY_RETRY_MS) return member;
  const name = await lookUpName(dir, actor.workspace.externalId, member.platformUserId);
  const set = name ? { displayName: name, nameSource: 'platform', nameCheckedAt: actor.now() } : { nameCheckedAt: actor.now() };
  return (await membersRepo.update(wsId(actor), member._id, set)) ?? member;
}

async function changeMember(actor: Actor, target: MemberEntity, set: Record<string, unknown>, action: string): Promise<MemberEntity> {
  // Before and after name the same fields: what this change set.
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (target as Record<string, unknown>)[k] ?? null]));
  const updated = await membersRepo.update(wsId(actor), target._id, set);
  if (!updated) throw userError('not_found', 'error.member_not_found');
  await auditRepo.record(wsId(actor), {
    actorId: actor.member._id,
    platform: actor.platform,
    action,
    entity: 'member',
    entityId: target._id,
    before,
    after: set,
  });
  return updated;
}

export async function setRole(actor: Actor, target: MemberEntity, role: Role): Promise<MemberEntity> {
  assertAdmin(actor);
  if (target._id.equals(actor.member._id) && role !== 'admin') {
    const admins = await membersRepo.byRole(wsId(actor), 'admin');
    if (admins.length <= 1) throw userError('conflict', 'crm.last_admin');
  }
  return changeMember(actor, target, { role }, 'member.role');
}

export async function setTeam(actor: Actor, target: MemberEntity, team: string): Promise<MemberEntity> {
  assertAdmin(actor);
  if (team.length > 60) throw userError('invalid_input', 'error.field_too_long', { field: 'team', max: 60 });
  return changeMember(actor, target, { team }, 'member.team');
}

export async function setManager(actor: Actor, target: MemberEntity, manager: MemberEntity): Promise<MemberEntity> {
  assertAdmin(actor);
  if (target._id.equals(manager._id)) throw userError('invalid_input', 'crm.self_manager');
  return changeMember(actor, target, { managerId: manager._id }, 'member.manager');
}

/** The name cards show for a member: anyone may set their own, admins anyone's. */
export async function setName(actor: Actor, target: MemberEntity, name: string): Promise<MemberEntity> {
  if (!target._id.equals(actor.member._id)) assertAdmin(actor);
  const chosen = name.trim().replace(/\s+/g, ' ');
  if (!chosen) throw userError('invalid_input', 'crm.name_missing');
  if (chosen.length > 60) throw userError('invalid_input', 'error.field_too_long', { field: 'name', max: 60 });
  return changeMember(actor, target, { chosenName: chosen }, 'member.name');
}

/** A member's own time zone for dates; an empty value goes back to the workspace's. */
export async function setOwnTimeZone(actor: Actor, zone: string): Promise<MemberEntity> {
  const z = zone.trim();
  if (z && !isTimeZone(z)) throw userError('invalid_input', 'crm.config_bad_value', { name: 'tz', allowed: 'Asia/Shanghai, Europe/London, America/New_York, …' });
  return changeMember(actor, actor.member, { timezone: z || null }, 'member.timezone');
}

export async function setOwnLocale(actor: Actor, locale: string): Promise<MemberEntity> {
  return changeMember(actor, actor.member, { locale }, 'member.locale');
}

export async function setMuted(actor: Actor, muted: boolean): Promise<void> {
  await membersRepo.update(wsId(actor), actor.member._id, { muted });
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action: muted ? 'member.mute' : 'member.unmute', entity: 'member', entityId: actor.member._id, before: { muted: actor.member.muted }, after: { muted }, at: actor.now() });
}
