import { isWorkingTime } from '../../platform/schedule';
import { allWorkspaces, sweepDueFollowUps, followUpHandled, lastInteractions, ownersOf, workHoursOf } from './nudges.service';
import { followUpNudgeCard } from './nudge.cards';
import { BATCH, eachSafely, isClosedStage, queue, readerCtx, type JobDeps, type JobResult, type RunScope } from '../workspaces';

export const FOLLOW_UPS_JOB = 'follow-ups';

/**
 * At a lead's next follow-up time (during working hours) its owner gets one nudge. The lead's
 * followUpPending flag is its one pending nudge: setting a new time re-arms and so moves it, and the
 * key (lead + due time) makes a repeat of this run, on any instance, queue nothing new.
 */
export async function runFollowUps(deps: JobDeps, now: Date, opts: RunScope & { anyHour?: boolean } = {}): Promise<JobResult> {
  let queued = 0;
  const log = deps.logger.child({ job: FOLLOW_UPS_JOB });
  await eachSafely(await allWorkspaces(opts.platform), log, (ws) => ({ workspace: String(ws._id) }), async (ws) => {
    if (!opts.anyHour && !isWorkingTime(now, workHoursOf(ws), ws.settings!.timezone)) return;
    await sweepDueFollowUps(ws, now, BATCH, async (leads) => {
      // Per page: the owners in one read, the last interactions of the leads that nudge side by side.
      const owners = await ownersOf(ws, leads);
      const told = leads.filter((l) => !isClosedStage(l.stage) && owners.get(String(l.ownerId)) && !owners.get(String(l.ownerId))!.muted);
      const lasts = await lastInteractions(ws, told);
      await eachSafely(leads, log, (l) => ({ lead: String(l._id) }), async (lead) => {
        const owner = owners.get(String(lead.ownerId));
        if (owner && told.includes(lead)) {
          const ctx = readerCtx(deps, ws, owner, now);
          const card = followUpNudgeCard(ctx, lead, lasts.get(String(lead._id)) ?? null);
          const key = `follow-up:${lead._id}:${lead.nextFollowUpAt!.toISOString()}`;
          queued += await queue(ws, { key, to: owner.platformUserId, kind: 'dm', cards: [card], locale: ctx.locale }, now);
        }
        await followUpHandled(ws, lead);
      });
    });
  });
  if (queued) deps.kick();
  return { queued };
}
