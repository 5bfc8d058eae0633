import { leadsRepo, interactionsRepo, leadRef } from '../leads';
import { membersRepo, workspacesRepo, type Actor, type Platform, wsId, isClosedStage } from '../workspaces';
import { ticketsRepo } from '../tickets';
import { auditRepo } from '../../platform/audit/audit.repo';
import type { LeadEntity } from '../leads';
import type { MemberEntity, WorkspaceEntity } from '../workspaces';
import type { TicketEntity } from '../tickets';
import { userError } from '../../platform/errors';
import type { DigestSchedule, WorkHours } from '../../platform/schedule';
import { sweepBuckets } from '../../platform/summaries/sweep-marks.repo';
import { dayOf, hourOf } from '../../platform/buckets';

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

const HOURS_BACK = 24 * 7;
const DAYS_BACK = 120;
const isLive = (l: LeadEntity) => !l.deletedAt && !isClosedStage(l.stage);

/**
 * Hands `handle` the leads whose follow-up time has come and whose nudge is not queued yet, hour
 * bucket by hour bucket from the last one swept (never the whole lead list), at most `limit`.
 */
export async function sweepDueFollowUps(ws: WorkspaceEntity, now: Date, limit: number, handle: (leads: LeadEntity[]) => Promise<void>): Promise<void> {
  const due = (l: LeadEntity) => isLive(l) && l.followUpPending && Boolean(l.nextFollowUpAt && l.nextFollowUpAt <= now);
  await sweepBuckets(ws._id, 'follow-ups', { upTo: hourOf(now)!, lookback: HOURS_BACK, limit }, async (h) =>
    (await leadsRepo.followUpsInHour(ws._id, h)).filter(due).sort((a, b) => +a.nextFollowUpAt! - +b.nextFollowUpAt!), handle);
}

/**
 * Hands `handle` the open leads at gone-quiet `level` whose last activity is before `before` (and, at
 * level 1, whose owner was nudged before `nudgedBefore`), by day bucket from the last one swept.
 */
export async function sweepQuietLeads(ws: WorkspaceEntity, level: 0 | 1, before: Date, limit: number, handle: (leads: LeadEntity[]) => Promise<void>, nudgedBefore?: Date): Promise<void> {
  const quiet = (l: LeadEntity) => isLive(l) && l.quietLevel === level && lastActivity(l) <= before && (!nudgedBefore || !l.quietNudgedAt || l.quietNudgedAt <= nudgedBefore);
  const upTo = dayOf(level === 0 ? before : nudgedBefore!)!;
  const fetch = (d: number) => (level === 0 ? leadsRepo.activeOnDay(ws._id, d) : leadsRepo.nudgedOnDay(ws._id, d));
  await sweepBuckets(ws._id, `gone-quiet-${level}`, { upTo, lookback: DAYS_BACK, limit }, async (d) => (await fetch(d)).filter(quiet).sort((a, b) => String(a._id).localeCompare(String(b._id))), handle);
}

/** The nudge for this follow-up time is queued (or not needed): unless the time moved meanwhile. */
export async function followUpHandled(ws: WorkspaceEntity, lead: LeadEntity): Promise<void> {
  await leadsRepo.update(ws._id, lead._id, { nextFollowUpAt: lead.nextFollowUpAt, followUpPending: true }, { followUpPending: false });
}

/** Moves a quiet lead to `level` (1: owner nudged, at `now`; 2: escalated), unless it changed meanwhile. */
export async function setQuietLevel(ws: WorkspaceEntity, lead: LeadEntity, level: number, now?: Date): Promise<void> {
  await leadsRepo.update(ws._id, lead._id, { quietLevel: lead.quietLevel, lastContactAt: lead.lastContactAt }, { quietLevel: level, ...(now ? { quietNudgedAt: now } : {}) });
}

export const memberById = (ws: WorkspaceEntity, id: unknown) => membersRepo.byId(ws._id, id);

/** When the lead was last touched: its last interaction, else its creation. */
export const lastActivity = (lead: LeadEntity): Date => lead.lastContactAt ?? lead.createdAt;

export async function lastInteraction(ws: WorkspaceEntity, lead: LeadEntity) {
  const [last] = await interactionsRepo.latest(ws._id, lead._id, 1);
  return last ?? null;
}

/** Each lead's last interaction (or null), by lead id: the reads side by side, a few at a time. */
export async function lastInteractions(ws: WorkspaceEntity, leads: LeadEntity[]): Promise<Map<string, Awaited<ReturnType<typeof lastInteraction>>>> {
  const out = new Map<string, Awaited<ReturnType<typeof lastInteraction>>>();
  for (let i = 0; i < leads.length; i += 10) {
    const page = leads.slice(i, i + 10);
    const lasts = await Promise.all(page.map((l) => lastInteraction(ws, l)));
    page.forEach((l, k) => out.set(String(l._id), lasts[k]));
  }
  return out;
}

/** The owners of `leads` that exist, by id (those cached cost no read, the others one read together). */
export async function ownersOf(ws: WorkspaceEntity, leads: LeadEntity[]): Promise<Map<string, MemberEntity>> {
  const ids = leads.map((l) => l.ownerId).filter(Boolean);
  const members = ids.length ? await membersRepo.byIds(ws._id, ids) : [];
  return new Map(members.map((m) => [String(m._id), m]));
}

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

/** Hands `handle` the unclaimed tickets past their first-response target, not chased yet this round (by due hour). */
export async function sweepMissedClaims(ws: WorkspaceEntity, now: Date, limit: number, handle: (t: TicketEntity[]) => Promise<void>): Promise<void> {
  const missed = (t: TicketEntity) => t.status === 'open' && t.firstResponseDueAt <= now && !t.slaClaimAlerted;
  await sweepBuckets(ws._id, 'sla-claim', { upTo: hourOf(now)!, lookback: HOURS_BACK, limit }, async (h) => (await ticketsRepo.claimDueInHour(ws._id, h)).filter(missed), handle);
}

/** Hands `handle` the unresolved tickets past their resolution target, not chased yet this round (by due hour). */
export async function sweepMissedResolutions(ws: WorkspaceEntity, now: Date, limit: number, handle: (t: TicketEntity[]) => Promise<void>): Promise<void> {
  const missed = (t: TicketEntity) => t.status !== 'resolved' && t.resolutionDueAt <= now && !t.slaResolveAlerted;
  await sweepBuckets(ws._id, 'sla-resolve', { upTo: hourOf(now)!, lookback: HOURS_BACK, limit }, async (h) => (await ticketsRepo.resolveDueInHour(ws._id, h)).filter(missed), handle);
}

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
