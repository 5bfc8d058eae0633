import { isWorkingTime } from '../../platform/schedule';
import { allWorkspaces, lastActivity, lastInteraction, managersOf, memberById, sweepQuietLeads, setQuietLevel, workHoursOf } from './nudges.service';
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

    const nudge = (leads: LeadEntity[]) => eachSafely(leads, log, (l) => ({ lead: String(l._id) }), async (lead) => {
      const owner = await memberById(ws, lead.ownerId);
      if (owner && !owner.muted) {
        const ctx = readerCtx(deps, ws, owner, now);
        const days = Math.floor((now.getTime() - lastActivity(lead).getTime()) / DAY);
        const card = quietNudgeCard(ctx, lead, days, await lastInteraction(ws, lead));
        const key = `quiet:${lead._id}:${lastActivity(lead).toISOString()}`;
        queued += await queue(ws, { key, to: owner.platformUserId, kind: 'dm', cards: [card], locale: ctx.locale }, now);
      }
      await setQuietLevel(ws, lead, 1, now);
    });
    await sweepQuietLeads(ws, 0, new Date(now.getTime() - n * DAY), BATCH, nudge);

    const escalate = (leads: LeadEntity[]) => eachSafely(leads, log, (l) => ({ lead: String(l._id) }), async (lead) => {
      const owner = await memberById(ws, lead.ownerId);
      const managers = owner ? await managersOf(ws, owner) : [];
      const days = Math.floor((now.getTime() - lastActivity(lead).getTime()) / DAY);
      const last = await lastInteraction(ws, lead);
      for (const boss of managers) {
        const ctx = readerCtx(deps, ws, boss, now);
        const key = `quiet-escalation:${lead._id}:${lastActivity(lead).toISOString()}:${boss._id}`;
        queued += await queue(ws, { key, to: boss.platformUserId, kind: 'dm', cards: [quietEscalationCard(ctx, lead, owner, days, last)], locale: ctx.locale }, now);
      }
      await setQuietLevel(ws, lead, 2);
    });
    await sweepQuietLeads(ws, 1, new Date(now.getTime() - (n + m) * DAY), BATCH, escalate, new Date(now.getTime() - m * DAY));
  });
  if (queued) deps.kick();
  return { queued };
}
