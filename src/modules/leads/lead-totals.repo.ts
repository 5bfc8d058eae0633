import type { Types, AnyBulkWriteOperation } from 'mongoose';
import { KeyedQueue } from '../../platform/keyed-queue';
import { LeadTotalModel } from './lead-total.model';
import { LeadModel } from './lead.model';
import { leadBuckets, bucketChanges } from './lead-buckets';

/** What one lead adds to the totals: nothing once it is deleted. */
export interface Contribution {
  ownerId: Types.ObjectId;
  stage: string;
  currency: string;
  value: number;
  withContact: number;
  withCompany: number;
  withSource: number;
  withValue: number;
  day: number | null;
}

type LeadLike = {
  ownerId: Types.ObjectId;
  stage: string;
  currency?: string | null;
  value?: number | null;
  phones?: string[] | null;
  emails?: string[] | null;
  company?: string | null;
  source?: string | null;
  deletedAt?: Date | null;
  activityDay?: number | null;
};

export function contributionOf(l: LeadLike | null | undefined): Contribution | null {
  if (!l || l.deletedAt) return null;
  return {
    ownerId: l.ownerId,
    stage: l.stage,
    currency: l.currency ?? '',
    value: l.value ?? 0,
    withContact: (l.phones?.length ?? 0) + (l.emails?.length ?? 0) > 0 ? 1 : 0,
    withCompany: l.company ? 1 : 0,
    withSource: l.source ? 1 : 0,
    withValue: l.value != null ? 1 : 0,
    day: l.activityDay ?? null,
  };
}

export interface TotalRow {
  ownerId: Types.ObjectId;
  stage: string;
  currency: string;
  count: number;
  value: number;
  withContact: number;
  withCompany: number;
  withSource: number;
  withValue: number;
  days: Record<string, number>;
}

const keyOf = (c: { ownerId: unknown; stage: string; currency: string }) => `${String(c.ownerId)}|${c.stage}|${c.currency}`;

/** Adds `sign` times the contribution to the per-key increments. */
function addTo(incs: Map<string, { c: Contribution; inc: Record<string, number> }>, c: Contribution | null, sign: 1 | -1): void {
  if (!c) return;
  const row = incs.get(keyOf(c)) ?? { c, inc: {} };
  const add = (k: string, n: number) => (row.inc[k] = (row.inc[k] ?? 0) + sign * n);
  add('count', 1);
  add('value', c.value);
  add('withContact', c.withContact);
  add('withCompany', c.withCompany);
  add('withSource', c.withSource);
  add('withValue', c.withValue);
  if (c.day != null) add(`days.${c.day}`, 1);
  incs.set(keyOf(c), row);
}

// One queue per workspace: a workspace's summary writes never overlap in this process.
const queue = new KeyedQueue();

export const leadTotalsRepo = {
  /**
   * Moves a lead's contribution from what it was (`before`, null for a new lead) to what it is now
   * (`after`, null when gone). Queued per workspace; resolves when written.
   */
  async record(workspaceId: Types.ObjectId, before: LeadLike | null, after: LeadLike | null): Promise<void> {
    await leadTotalsRepo.recordMany(workspaceId, [[before, after]]);
  },

  /** `record` for many leads at once (a batch insert): one write for all their keys. */
  async recordMany(workspaceId: Types.ObjectId, changes: [LeadLike | null, LeadLike | null][]): Promise<void> {
    const incs = new Map<string, { c: Contribution; inc: Record<string, number> }>();
    for (const [before, after] of changes) {
      addTo(incs, contributionOf(before), -1);
      addTo(incs, contributionOf(after), 1);
    }
    const ops: AnyBulkWriteOperation[] = [];
    for (const { c, inc } of incs.values()) {
      const nonZero = Object.fromEntries(Object.entries(inc).filter(([, n]) => n !== 0));
      if (!Object.keys(nonZero).length) continue;
      ops.push({ updateOne: { filter: { workspaceId, ownerId: c.ownerId, stage: c.stage, currency: c.currency }, update: { $inc: nonZero }, upsert: true } });
    }
    if (!ops.length) return;
    await queue.run(String(workspaceId), async () => void (await LeadTotalModel.bulkWrite(ops, { ordered: true, comment: 'background: lead totals' })));
  },

  /** Resolves once every summary write queued in this process has landed (tests, benchmarks, shutdown). */
  settled: () => queue.idle(),

  /** A workspace's totals rows (one equality query on a small collection). */
  async rows(workspaceId: Types.ObjectId): Promise<TotalRow[]> {
    const rows = await LeadTotalModel.find({ workspaceId }).lean();
    return rows.map((r) => ({ ...r, currency: r.currency ?? '', days: (r.days ?? {}) as Record<string, number> })) as TotalRow[];
  },

  /**
   * Rebuilds a workspace's totals from its leads and rewrites any bucket field that drifted (leads
   * written by an older version or by hand). One pass over the leads: the nightly job, not a screen.
   */
  async reconcile(workspaceId: Types.ObjectId): Promise<{ leads: number; fixed: number }> {
    return queue.run(String(workspaceId), async () => {
      const incs = new Map<string, { c: Contribution; inc: Record<string, number> }>();
      let leads = 0;
      let fixed = 0;
      let fixes: AnyBulkWriteOperation[] = [];
      for await (const l of LeadModel.find({ workspaceId }).lean().cursor({ batchSize: 2000 })) {
        leads++;
        const change = bucketChanges(l, leadBuckets(l));
        if (Object.keys(change).length) fixes.push({ updateOne: { filter: { workspaceId, _id: l._id }, update: { $set: change } } });
        addTo(incs, contributionOf({ ...l, ...change }), 1);
        if (fixes.length >= 500) {
          fixed += fixes.length;
          await LeadModel.bulkWrite(fixes as never, { ordered: false });
          fixes = [];
        }
      }
      if (fixes.length) await LeadModel.bulkWrite(fixes as never, { ordered: false });
      fixed += fixes.length;
      await LeadTotalModel.deleteMany({ workspaceId });
      const docs = [...incs.values()].map(({ c, inc }) => {
        const days: Record<string, number> = {};
        for (const [k, n] of Object.entries(inc)) if (k.startsWith('days.')) days[k.slice(5)] = n;
        return { workspaceId, ownerId: c.ownerId, stage: c.stage, currency: c.currency, count: inc.count, value: inc.value, withContact: inc.withContact, withCompany: inc.withCompany, withSource: inc.withSource, withValue: inc.withValue, days };
      });
      if (docs.length) await LeadTotalModel.insertMany(docs);
      return { leads, fixed };
    });
  },
};
