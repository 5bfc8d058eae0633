import type { Types } from 'mongoose';
import { membersRepo } from './members.repo';
import { type Actor, wsId } from './actor';
import { userError } from '../../platform/errors';
import { memberName } from './member-name';

/**
 * Owner ids whose leads the actor may see and change: admins all (undefined), managers their team
 * (same team name, or members who report to them) and themselves, everyone else only their own.
 */
export async function visibleOwnerIds(actor: Actor): Promise<Types.ObjectId[] | undefined> {
  const me = actor.member;
  if (me.role === 'admin') return undefined;
  if (me.role !== 'manager') return [me._id];
  return [me._id, ...(await membersRepo.teamOf(wsId(actor), me._id, me.team))];
}

/** What access checks read of a lead: whose it is, and its number for the refusal. */
export interface OwnedRecord {
  ownerId: Types.ObjectId;
  seq: number;
}

export async function canSeeLead(actor: Actor, lead: Pick<OwnedRecord, 'ownerId'>): Promise<boolean> {
  const ids = await visibleOwnerIds(actor);
  return !ids || ids.some((id) => id.equals(lead.ownerId));
}

/**
 * Refuses with the reason that is true for the reader: a rep sees only their own leads (a teammate's
 * lead, or one reassigned away from them, is not "outside the team"); a manager sees their team's.
 */
export async function assertCanSeeLead(actor: Actor, lead: OwnedRecord): Promise<void> {
  if (await canSeeLead(actor, lead)) return;
  const owner = memberName(await membersRepo.byId(wsId(actor), lead.ownerId));
  const key = actor.member.role === 'rep' ? 'error.lead_forbidden_rep' : 'error.lead_forbidden';
  throw userError('forbidden', key, { id: `L-${lead.seq}`, owner });
}

export function assertAdmin(actor: Actor): void {
  if (actor.member.role !== 'admin') throw userError('forbidden', 'error.admin_only');
}
