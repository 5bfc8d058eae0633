import type { Types } from 'mongoose';
import { leadDuplicates, leadPagesRepo, leadSubject } from '../leads';
import { eachSafely, workspacesRepo, type JobDeps, type JobResult, type RunScope, type WorkspaceEntity } from '../workspaces';
import { pairsRepo, scansRepo, type FoundPair } from './pairs.repo';
import { pairsOf } from './pairs.service';

export const DUPLICATE_SCAN_JOB = 'duplicate-scan';

/** Leads one page holds (one batch check of the engine each). */
export const SCAN_PAGE = 200;
/** Pages one run walks per workspace; a longer walk goes on where it stopped on the next run. */
export const SCAN_PAGES_PER_RUN = 10;
/** A workspace is walked again this long after its last walk ended (sooner when an admin asks). */
const RESCAN_AFTER_MS = 24 * 3600_000;

export interface ScanResult extends JobResult {
  scanned: number;
  pairs: number;
}

function due(state: Awaited<ReturnType<typeof scansRepo.get>>, now: Date, force: boolean): boolean {
  if (force || !state || state.after || state.requestedAt || !state.doneAt) return true;
  return now.getTime() - state.doneAt.getTime() >= RESCAN_AFTER_MS;
}

/** One page: the engine's batch check over the page's leads, and the pairs found upserted (one write). */
async function scanPage(ws: Types.ObjectId, after: Types.ObjectId | null, now: Date) {
  const page = await leadPagesRepo.pageAfter(ws, after, SCAN_PAGE);
  if (!page.length) return { page, pairs: 0 };
  const checks = await leadDuplicates.checkMany(ws, page.map(leadSubject));
  const found = new Map<string, FoundPair>();
  page.forEach((lead, i) => {
    for (const p of pairsOf(lead, checks[i].matches)) found.set(`${p.a}:${p.b}`, p);
  });
  await pairsRepo.upsertOpen(ws, [...found.values()], now);
  return { page, pairs: found.size };
}

/** Walks one workspace's leads in pages by `_id`, resuming a walk under way. */
export async function scanWorkspace(ws: WorkspaceEntity, now: Date, force = false): Promise<{ scanned: number; pairs: number } | null> {
  const id = ws._id as Types.ObjectId;
  const state = await scansRepo.get(id);
  if (!due(state, now, force)) return null;
  const resuming = Boolean(state?.after) && !force;
  const startedAt = resuming ? (state!.startedAt ?? now) : now;
  let after = resuming ? state!.after : null;
  let scanned = 0;
  let pairs = 0;
  for (let n = 0; n < SCAN_PAGES_PER_RUN; n++) {
    const r = await scanPage(id, after, now);
    scanned += r.page.length;
    pairs += r.pairs;
    if (r.page.length < SCAN_PAGE) {
      await scansRepo.finish(id, startedAt, now);
      return { scanned, pairs };
    }
    after = r.page[r.page.length - 1]._id;
    await scansRepo.progress(id, after, startedAt);
  }
  return { scanned, pairs };
}

/**
 * The duplicate scan: each workspace whose walk is due (asked for with `/crm duplicates scan`, under
 * way, or a day old) is walked page by page; the pairs the engine finds are upserted as open (a
 * dismissed pair stays dismissed). `force` (Run now): every workspace, from the start.
 */
export async function runDuplicateScan(deps: JobDeps, now: Date, opts: RunScope & { force?: boolean } = {}): Promise<ScanResult> {
  const log = deps.logger.child({ job: DUPLICATE_SCAN_JOB });
  let scanned = 0;
  let pairs = 0;
  await eachSafely(await workspacesRepo.all(opts.platform), log, (ws) => ({ workspace: String(ws._id) }), async (ws) => {
    const r = await scanWorkspace(ws, now, opts.force);
    if (!r) return;
    scanned += r.scanned;
    pairs += r.pairs;
  });
  if (pairs) log.info({ scanned, pairs }, 'duplicate pairs found');
  return { queued: 0, scanned, pairs };
}
