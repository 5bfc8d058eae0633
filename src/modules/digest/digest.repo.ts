import type { Types } from 'mongoose';
import { leadsRepo, interactionsRepo, leadTotalsRepo, type TotalRow } from '../leads';
import { auditRepo } from '../../platform/audit/audit.repo';
import { ticketsRepo } from '../tickets';
import { daysOf, dayOf } from '../../platform/buckets';

// The weekly digest's queries. Each is an equality query FerretDB pushes down: a window is asked for
// day by day through the day buckets (then cut to the exact window here), and the pipeline, stale and
// completeness figures come from the maintained lead totals, so nothing reads a workspace's lead list.
export interface Window {
  from: Date;
  to: Date;
}
const within = (w: Window) => (d: Date | null | undefined) => Boolean(d && d >= w.from && d < w.to);
const inScope = (ownerIds?: Types.ObjectId[]) => (id: unknown) => !ownerIds || ownerIds.some((o) => String(o) === String(id));
const perDay = async <T>(w: Window, fetch: (day: number) => Promise<T[]>): Promise<T[]> => (await Promise.all(daysOf(w).map(fetch))).flat();

export const STAGE_ACTIONS = ['lead.stage', 'lead.won', 'lead.lost', 'lead.reopen'];

export const digestRepo = {
  async newLeads(workspaceId: Types.ObjectId, w: Window, ownerIds?: Types.ObjectId[]): Promise<number> {
    const rows = await perDay(w, (d) => leadsRepo.createdOnDay(workspaceId, d));
    return rows.filter((l) => !l.deletedAt && within(w)(l.createdAt) && inScope(ownerIds)(l.ownerId)).length;
  },

  /** Stage changes in the window (not those taken back with /undo): the lead, from (and owner at the time), to. */
  async stageMoves(workspaceId: Types.ObjectId, w: Window) {
    const rows = (await perDay(w, (d) => auditRepo.onDay(workspaceId, d, 'lead')))
      .filter((r) => STAGE_ACTIONS.includes(r.action) && !r.undoneAt && within(w)(r.at))
      .sort((a, b) => +a.at - +b.at);
    return rows.map((r) => {
      const before = (r.before ?? {}) as { stage?: string; ownerId?: unknown };
      const after = (r.after ?? {}) as { stage?: string };
      return { leadId: r.entityId, from: String(before.stage ?? ''), to: String(after.stage ?? ''), ownerId: before.ownerId ? String(before.ownerId) : '' };
    });
  },

  leadsByIds: (workspaceId: Types.ObjectId, ids: unknown[]) => leadsRepo.valuesOf(workspaceId, ids),

  /** The maintained totals rows of the scope's leads (per owner, stage and currency). */
  async totals(workspaceId: Types.ObjectId, ownerIds?: Types.ObjectId[]): Promise<TotalRow[]> {
    return (await leadTotalsRepo.rows(workspaceId)).filter((r) => inScope(ownerIds)(r.ownerId) && r.count > 0);
  },

  /**
   * Open leads whose last activity is before `before`: how many (from the totals' per-day counts, the
   * boundary day counted exactly) and the `show` most recently active of them.
   */
  async stale(workspaceId: Types.ObjectId, rows: TotalRow[], openStages: string[], before: Date, show: number) {
    const line = dayOf(before)!;
    const perDayCount = new Map<number, number>();
    for (const r of rows.filter((x) => openStages.includes(x.stage))) {
      for (const [d, n] of Object.entries(r.days)) if (n > 0 && Number(d) <= line) perDayCount.set(Number(d), (perDayCount.get(Number(d)) ?? 0) + n);
    }
    const owners = new Set(rows.map((r) => String(r.ownerId)));
    const isStale = (l: { deletedAt?: Date | null; stage: string; ownerId: unknown; lastContactAt?: Date | null; createdAt: Date }) =>
      !l.deletedAt && openStages.includes(l.stage) && owners.has(String(l.ownerId)) && (l.lastContactAt ?? l.createdAt) < before;
    const boundary = perDayCount.has(line) ? (await leadsRepo.activeOnDayBrief(workspaceId, line)).filter(isStale) : [];
    let total = boundary.length;
    for (const [d, n] of perDayCount) if (d < line) total += n;
    const leads = boundary.slice(0, show);
    for (const d of [...perDayCount.keys()].filter((x) => x < line).sort((a, b) => b - a)) {
      if (leads.length >= show) break;
      leads.push(...(await leadsRepo.activeOnDayBrief(workspaceId, d)).filter(isStale).slice(0, show - leads.length));
    }
    return { total, leads };
  },

  /** Interactions in the window per author. */
  async interactionsPerAuthor(workspaceId: Types.ObjectId, w: Window, authorIds?: Types.ObjectId[]) {
    const rows = (await perDay(w, (d) => interactionsRepo.onDay(workspaceId, d))).filter((i) => within(w)(i.at) && inScope(authorIds)(i.authorId));
    const counts = new Map<string, { authorId: Types.ObjectId; count: number }>();
    for (const i of rows) {
      const row = counts.get(String(i.authorId)) ?? { authorId: i.authorId, count: 0 };
      row.count++;
      counts.set(String(i.authorId), row);
    }
    return [...counts.values()];
  },

  async ticketsOpened(workspaceId: Types.ObjectId, w: Window): Promise<number> {
    return (await perDay(w, (d) => ticketsRepo.onDay(workspaceId, 'createdDay', d))).filter((t) => within(w)(t.createdAt)).length;
  },

  async ticketsResolved(workspaceId: Types.ObjectId, w: Window): Promise<number> {
    return (await perDay(w, (d) => ticketsRepo.onDay(workspaceId, 'resolvedDay', d))).filter((t) => within(w)(t.resolvedAt)).length;
  },

  /** Tickets with a target that fell due in the window, with what is needed to tell if it was met. */
  async ticketsDue(workspaceId: Types.ObjectId, w: Window) {
    const [claim, resolve] = await Promise.all([
      perDay(w, (d) => ticketsRepo.onDay(workspaceId, 'firstResponseDueDay', d)),
      perDay(w, (d) => ticketsRepo.onDay(workspaceId, 'resolutionDueDay', d)),
    ]);
    const byId = new Map([...claim, ...resolve].map((t) => [String(t._id), t]));
    return [...byId.values()];
  },
};
