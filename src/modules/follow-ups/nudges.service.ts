import { leadsRepo, interactionsRepo, leadRef } from '../leads';
import { membersRepo, workspacesRepo, type Actor, type Platform, wsId, isClosedStage } from '../workspaces';
import { ticketsRepo } from '../tickets';
import { auditRepo } from '../../platform/audit/audit.repo';
import type { LeadEntity } from '../leads';
import type { MemberEntity, WorkspaceEntity } from '../workspaces';
import type { TicketEntity } from '../tickets';
import { userError } from '../../platform/errors';
import type { DigestSchedule, WorkHours } from '../../platform/schedule';

// What the scheduled jobs read and change: due follow-ups, quiet leads, missed ticket targets; and
// lead snoozes and mutes. Each change is conditional on the state the job read, so two instances cannot both act.

/** The workspaces a job run covers: all of them, or one platform's (the sandbox's Run now covers its own only). */
export const allWorkspaces = (platform?: Platform) => workspacesRepo.all(platform);

export function workHoursOf(ws: WorkspaceEntity): WorkHours {
  const w = ws.settings?.workHours;
  return { start: w?.start ?? '09:00', end: w?.end ?? '18:00', days: w?.days?.length ? [...w.days] : [1, 2, 3, 4, 5] };
}

export function digestScheduleOf(ws: WorkspaceEntity): DigestSchedule {
  return { day: ws.settings?.digest?.day ?? 1, time: ws.settings?.digest?.time ?? '09:00' };
}

export const dueFollowUps = (ws: WorkspaceEntity, now: Date, limit: number) => leadsRepo.dueFollowUps(ws._id, now, limit);

/** The nudge for this follow-up time is queued (or not needed): unless the time moved meanwhile. */
export async function followUpHandled(ws: WorkspaceEntity, lead: LeadEntity): Promise<void> {
  await leadsRepo.update(ws._id, lead._id, { nextFollowUpAt: lead.nextFollowUpAt, followUpPending: true }, { followUpPending: false });
}

export const quietLeads = (ws: WorkspaceEntity, level: number, before: Date, limit: number, nudgedBefore?: Date) => leadsRepo.quiet(ws._id, level, before, limit, nudgedBefore);

/** Moves a quiet lead to `level` (1: owner nudged, at `now`; 2: escalated), unless it changed meanwhile. */
export async function setQuietLevel(ws: WorkspaceEntity, lead: LeadEntity, level: number, now?: Date): Promise<void> {
  await leadsRepo.update(ws._id, lead._id, { quietLevel: lead.quietLevel, lastContactAt: lead.lastContactAt }, { quietLevel: level, ...(now ? { quietNudgedAt: now } : {}) });
}

/** When the lead was last touched: its last interaction, else its creation. */
export const lastActivity = (lead: LeadEntity): Date => lead.lastContactAt ?? lead.createdAt;

export async function lastInteraction(ws: WorkspaceEntity, lead: LeadEntity) {
  const [last] = await interactionsRepo.latest(ws._id, lead._id, 1);
  return last ?? null;
}

export const memberById = (ws: WorkspaceEntity, id: unknown) => membersRepo.byId(ws._id, id);

/** Who hears about a member's quiet leads: their manager, else their team's managers, else the admins. */
export async function managersOf(ws: WorkspaceEntity, member: MemberEntity): Promise<MemberEntity[]> {
  if (member.managerId) {
    const boss = await membersRepo.byId(ws._id, member.managerId);
    if (boss) return [boss];
  }
  const managers = await membersRepo.byRole(ws._id, 'manager');
  const team = member.team ? managers.filter((m) => m.team === member.team) : [];
  if (team.length) return team.filter((m) => !m._id.equals(member._id));
  return (await membersRepo.byRole(ws._id, 'admin')).filter((m) => !m._id.equals(member._id));
}

export const missedClaims = (ws: WorkspaceEntity, now: Date, limit: number) => ticketsRepo.missedClaim(ws._id, now, limit);
export const missedResolutions = (ws: WorkspaceEntity, now: Date, limit: number) => ticketsRepo.missedResolution(ws._id, now, limit);

/** Records that this round's missed target was chased; an unresolved ticket is also flagged escalated. */
export async function slaChased(ws: WorkspaceEntity, t: TicketEntity, which: 'claim' | 'resolve', now: Date): Promise<TicketEntity | null> {
  const round = { claimRound: t.claimRound };
  const set = which === 'claim' ? { slaClaimAlerted: true } : { slaResolveAlerted: true, escalated: true };
  const done = await ticketsRepo.transition(ws._id, t._id, round, set);
  if (done && which === 'resolve' && !t.escalated) {
    await auditRepo.record(ws._id, { actorId: null, platform: 'system', action: 'ticket.escalate', entity: 'ticket', entityId: t._id, before: { escalated: false }, after: { escalated: true, reason: 'sla' }, at: now });
  }
  return done;
}

/** Snooze from a nudge: the follow-up (and its one pending nudge) moves `days` days from now. */
export async function snoozeFollowUp(actor: Actor, lead: LeadEntity, days: number, dueMs: number): Promise<LeadEntity> {
  if (isClosedStage(lead.stage)) throw userError('conflict', 'lead.closed', { id: leadRef(lead), stage: lead.stage });
  // A nudge for a follow-up that was moved since is stale: say so rather than overwrite the new time.
  if (!lead.nextFollowUpAt || lead.nextFollowUpAt.getTime() !== dueMs) throw userError('conflict', 'nudge.moved', { id: leadRef(lead) });
  const at = new Date(actor.now().getTime() + days * 86_400_000);
  const updated = await leadsRepo.update(wsId(actor), lead._id, { nextFollowUpAt: lead.nextFollowUpAt }, { nextFollowUpAt: at, followUpPending: true });
  if (!updated) throw userError('conflict', 'nudge.moved', { id: leadRef(lead) });
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action: 'lead.snooze', entity: 'lead', entityId: lead._id, before: { nextFollowUpAt: lead.nextFollowUpAt }, after: { nextFollowUpAt: at }, at: actor.now() });
  return updated;
}
