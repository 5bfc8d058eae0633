import { isWorkingTime } from '../../platform/schedule';
import { allWorkspaces, lastActivity, lastInteractions, managersOf, ownersOf, sweepQuietLeads, setQuietLevels, workHoursOf } from './nudges.service';
import { quietEscalationCard, quietNudgeCard } from './nudge.cards';
import type { LeadEntity } from '../leads';
import { BATCH, eachSafely, queue, readerCtx, type JobDeps, type JobResult, type RunScope } from '../workspaces';

export const GONE_QUIET_JOB = 'gone-quiet';
const DAY = 86_400_000;

/**
 * An open lead with no interaction for N days (stale-days) nudges its owner; M days after that nudge
 * (escalate-days), still quiet, its owner's manager hears about it: a lead found long quiet (on the
 * first run, after an import) gets the owner's nudge first, never both at once. A logged interaction
 * resets the lead to level 0.
 * Keys name the lead and its last activity, so one quiet spell gives one nudge and one escalation.
 */
export async function runGoneQuiet(deps: JobDeps, now: Date, opts: RunScope & { anyHour?: boolean } = {}): Promise<JobResult> {
  let queued = 0;
  const log = deps.logger.child({ job: GONE_QUIET_JOB });
  await eachSafely(await allWorkspaces(opts.platform), log, (ws) => ({ workspace: String(ws._id) }), async (ws) => {
    if (!opts.anyHour && !isWorkingTime(now, workHoursOf(ws), ws.settings!.timezone)) return;
    const n = ws.settings?.staleDays ?? 3;
    const m = ws.settings?.escalateDays ?? 7;

    // Per page: the owners in one read, the last interactions side by side, one write for the levels;
    // a lead whose message could not be queued keeps its level and is tried again next run.
    const nudge = async (leads: LeadEntity[]) => {
      const owners = await ownersOf(ws, leads);
      const told = leads.filter((l) => owners.get(String(l.ownerId)) && !owners.get(String(l.ownerId))!.muted);
      const lasts = await lastInteractions(ws, told);
      const done = leads.filter((l) => !told.includes(l));
      await eachSafely(told, log, (l) => ({ lead: String(l._id) }), async (lead) => {
        const owner = owners.get(String(lead.ownerId))!;
        const ctx = readerCtx(deps, ws, owner, now);
        const days = Math.floor((now.getTime() - lastActivity(lead).getTime()) / DAY);
        const card = quietNudgeCard(ctx, lead, days, lasts.get(String(lead._id)) ?? null);
        const key = `quiet:${lead._id}:${lastActivity(lead).toISOString()}`;
        queued += await queue(ws, { key, to: owner.platformUserId, kind: 'dm', cards: [card], locale: ctx.locale }, now);
        done.push(lead);
      });
      await setQuietLevels(ws, done, 1, now);
    };
    await sweepQuietLeads(ws, 0, new Date(now.getTime() - n * DAY), BATCH, nudge);

    const escalate = async (leads: LeadEntity[]) => {
      const owners = await ownersOf(ws, leads);
      const lasts = await lastInteractions(ws, leads);
      const done: LeadEntity[] = [];
      await eachSafely(leads, log, (l) => ({ lead: String(l._id) }), async (lead) => {
        const owner = owners.get(String(lead.ownerId)) ?? null;
        const managers = owner ? await managersOf(ws, owner) : [];
        const days = Math.floor((now.getTime() - lastActivity(lead).getTime()) / DAY);
        const last = lasts.get(String(lead._id)) ?? null;
        for (const boss of managers) {
          const ctx = readerCtx(deps, ws, boss, now);
          const key = `quiet-escalation:${lead._id}:${lastActivity(lead).toISOString()}:${boss._id}`;
          queued += await queue(ws, { key, to: boss.platformUserId, kind: 'dm', cards: [quietEscalationCard(ctx, lead, owner, days, last)], locale: ctx.locale }, now);
        }
        done.push(lead);
      });
      await setQuietLevels(ws, done, 2);
    };
    await sweepQuietLeads(ws, 1, new Date(now.getTime() - (n + m) * DAY), BATCH, escalate, new Date(now.getTime() - m * DAY));
  });
  if (queued) deps.kick();
  return { queued };
}
