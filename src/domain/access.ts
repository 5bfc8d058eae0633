import type { Types } from 'mongoose';
import { membersRepo } from '../store/members.repo';
import type { LeadDoc } from '../store/lead.model';
import { type Actor, wsId } from './actor';
import { userError } from './errors';

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

export async function canSeeLead(actor: Actor, lead: LeadDoc): Promise<boolean> {
  const ids = await visibleOwnerIds(actor);
  return !ids || ids.some((id) => id.equals(lead.ownerId));
}

export async function assertCanSeeLead(actor: Actor, lead: LeadDoc): Promise<void> {
  if (!(await canSeeLead(actor, lead))) throw userError('forbidden', 'error.lead_forbidden', { id: `L-${lead.seq}` });
}

export function assertAdmin(actor: Actor): void {
  if (actor.member.role !== 'admin') throw userError('forbidden', 'error.admin_only');
}
