import { latestDigestSlot } from '../../platform/schedule';
import { allWorkspaces, digestScheduleOf } from '../follow-ups';
import { isQueued } from '../../platform/outbox/outbox.service';
import { digestDestinations, pipelineFigures, teamsOf } from './digest.service';
import { digestCard } from './digest.cards';
import type { Types } from 'mongoose';
import type { WorkspaceEntity, MemberEntity } from '../workspaces';
import { channelCtx, eachSafely, queue, readerCtx, type JobDeps, type JobResult, type RunScope } from '../workspaces';

export const WEEKLY_DIGEST_JOB = 'weekly-digest';
const WEEK = 7 * 86_400_000;
/** A digest missed by more than this (the service was down) is skipped rather than sent late. */
const LATE_LIMIT = 86_400_000;

/**
 * Once a week per team, at the workspace's digest day and time: the week's figures to the team's
 * channel, else to its managers. Keyed by team and week (and reader), so a rerun, a restart or a
 * second instance sends each digest once. `now: true` sends one for the seven days up to now.
 */
export async function runWeeklyDigest(deps: JobDeps, now: Date, opts: RunScope & { now?: boolean } = {}): Promise<JobResult> {
  let queued = 0;
  const log = deps.logger.child({ job: WEEKLY_DIGEST_JOB });
  await eachSafely(await allWorkspaces(opts.platform), log, (ws) => ({ workspace: String(ws._id) }), async (ws) => {
    const slot = opts.now ? now : latestDigestSlot(now, digestScheduleOf(ws), ws.settings!.timezone);
    if (now.getTime() - slot.getTime() > LATE_LIMIT) return;
    const week = opts.now ? `now-${slot.toISOString()}` : slot.toISOString();
    const teams = await teamsOf(ws);
    const onlyOne = teams.length === 1;
    const window = { from: new Date(slot.getTime() - WEEK), to: slot };
    // With a single team (often: nobody has one yet) its digest covers every lead in the workspace.
    for (const { team, members } of teams) queued += await digestForTeam(deps, ws, { team, members, ownerIds: onlyOne ? undefined : members.map((m) => m._id) }, window, week, now);
  });
  if (queued) deps.kick();
  return { queued };
}

interface Team {
  team: string;
  members: MemberEntity[];
  ownerIds: Types.ObjectId[] | undefined;
}

async function digestForTeam(deps: JobDeps, ws: WorkspaceEntity, { team, members, ownerIds }: Team, window: { from: Date; to: Date }, week: string, now: Date): Promise<number> {
  const key = `digest:${team}:${week}`;
  const dest = await digestDestinations(ws, team, members);
  const copies = dest.channel
    ? [{ key, to: dest.channel, kind: 'channel' as const, ctx: channelCtx(deps, ws, now) }]
    : dest.members.map((m) => ({ key: `${key}:${m._id}`, to: m.platformUserId, kind: 'dm' as const, ctx: readerCtx(deps, ws, m, now) }));
  // Cheap check first: the figures are only computed when some copy is still to be queued.
  const missing = [];
  for (const c of copies) if (!(await isQueued(ws._id, c.key))) missing.push(c);
  if (!missing.length) return 0;
  const figures = await pipelineFigures(ws, ownerIds, window);
  let queued = 0;
  for (const { ctx, ...c } of missing) {
    const scope = team || ws.name || ctx.t('digest.everyone');
    queued += await queue(ws, { ...c, cards: [digestCard(ctx, figures, scope)], locale: ctx.locale }, now);
  }
  return queued;
}
