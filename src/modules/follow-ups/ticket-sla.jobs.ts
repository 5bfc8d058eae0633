import { allWorkspaces, sweepMissedClaims, sweepMissedResolutions, slaChased } from './nudges.service';
import { ticketWatchers, ticketCard, getTicketView } from '../tickets';
import type { Types } from 'mongoose';
import type { TicketEntity } from '../tickets';
import type { WorkspaceEntity } from '../workspaces';
import { BATCH, channelCtx, eachSafely, queue, readerCtx, type JobDeps, type JobResult, type RunScope } from '../workspaces';

export const TICKET_SLA_JOB = 'ticket-sla';

/**
 * An unclaimed ticket past its first-response target is posted to the support channel again and its
 * managers are told; an unresolved one past its resolution target is escalated (flagged, managers
 * told). SLA targets are wall-clock, so these go out at any hour. One chase per target per round.
 */
export async function runTicketSla(deps: JobDeps, now: Date, opts: RunScope = {}): Promise<JobResult> {
  let queued = 0;
  const log = deps.logger.child({ job: TICKET_SLA_JOB });

  const chase = async (ws: WorkspaceEntity, t: TicketEntity, which: 'claim' | 'resolve') => {
    const base = `sla-${which}:${t._id}:${t.claimRound ?? 0}`;
    const notice = which === 'claim' ? 'sla.claim_missed' : 'sla.resolve_missed';
    // A missed resolution escalates the ticket: the cards say so already.
    const view = await getTicketView(channelCtx(deps, ws, now).actor, t);
    const shown = which === 'resolve' ? { ...view, ticket: { ...view.ticket, escalated: true } } : view;
    const channel = ws.settings?.supportChannel;
    // Remembered where they land, so a later claim or resolve redraws these copies like the others.
    const entity = { kind: 'ticket' as const, id: String(t._id) };
    if (channel && which === 'claim') {
      const ctx = channelCtx(deps, ws, now);
      queued += await queue(ws, { key: `${base}:channel`, to: channel, kind: 'channel', cards: [ticketCard(ctx, shown, { notice: ctx.t(notice), channel: true })], locale: ctx.locale, entity }, now);
    }
    for (const m of await ticketWatchers(ws._id as Types.ObjectId)) {
      const ctx = readerCtx(deps, ws, m, now);
      queued += await queue(ws, { key: `${base}:${m._id}`, to: m.platformUserId, kind: 'dm', cards: [ticketCard(ctx, shown, { notice: ctx.t(notice) })], locale: ctx.locale, entity }, now);
    }
    await slaChased(ws, t, which, now);
  };

  await eachSafely(await allWorkspaces(opts.platform), log, (ws) => ({ workspace: String(ws._id) }), async (ws) => {
    await sweepMissedClaims(ws, now, BATCH, (ts) => eachSafely(ts, log, (t) => ({ ticket: String(t._id) }), (t) => chase(ws, t, 'claim')));
    await sweepMissedResolutions(ws, now, BATCH, (ts) => eachSafely(ts, log, (t) => ({ ticket: String(t._id) }), (t) => chase(ws, t, 'resolve')));
  });
  if (queued) deps.kick();
  return { queued };
}
