import { leadTotalsRepo, interactionsRepo } from '../leads';
import { ticketsRepo } from '../tickets';
import { auditRepo } from '../../platform/audit/audit.repo';
import { sweepMarksRepo } from '../../platform/summaries/sweep-marks.repo';
import { dayOf } from '../../platform/buckets';
import { allWorkspaces } from '../follow-ups';
import { eachSafely, type JobDeps, type RunScope, type WorkspaceEntity } from '../workspaces';

export const SUMMARIES_JOB = 'summaries-reconcile';

/**
 * Rebuilds one workspace's maintained summaries from the records: the lead totals (/pipeline, the
 * digest) and every bucket field (leads, interactions, audit events, tickets). Repairs what another
 * process's non-atomic `$inc` or an older version left; a merge or an import may call it too.
 */
export async function reconcileSummaries(ws: WorkspaceEntity): Promise<{ leads: number; fixed: number }> {
  const id = ws._id;
  const fixed = (await interactionsRepo.backfillDays(id)) + (await auditRepo.backfillDays(id)) + (await ticketsRepo.backfillBuckets(id));
  const leads = await leadTotalsRepo.reconcile(id);
  return { leads: leads.leads, fixed: fixed + leads.fixed };
}

/** Once a day per workspace (the first run after midnight UTC, or at once with `force`): reconcileSummaries. */
export async function runSummaries(deps: JobDeps, now: Date, opts: RunScope & { force?: boolean } = {}): Promise<{ reconciled: number }> {
  let reconciled = 0;
  const log = deps.logger.child({ job: SUMMARIES_JOB });
  const today = dayOf(now)!;
  await eachSafely(await allWorkspaces(opts.platform), log, (ws) => ({ workspace: String(ws._id) }), async (ws) => {
    if (!opts.force && ((await sweepMarksRepo.get(ws._id, SUMMARIES_JOB)) ?? -1) >= today) return;
    const r = await reconcileSummaries(ws);
    await sweepMarksRepo.set(ws._id, SUMMARIES_JOB, today);
    if (r.fixed) log.info({ workspace: String(ws._id), ...r }, 'summaries repaired');
    reconciled++;
  });
  return { reconciled };
}
