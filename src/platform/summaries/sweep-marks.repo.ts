import type { Types } from 'mongoose';
import { SweepMarkModel } from './sweep-mark.model';

export const sweepMarksRepo = {
  async get(workspaceId: Types.ObjectId, sweep: string): Promise<number | null> {
    const row = await SweepMarkModel.findOne({ workspaceId, sweep }, { bucket: 1 }).lean();
    return row ? row.bucket : null;
  },

  async set(workspaceId: Types.ObjectId, sweep: string, bucket: number): Promise<void> {
    await SweepMarkModel.updateOne({ workspaceId, sweep }, { $set: { bucket } }, { upsert: true });
  },
};

/** Buckets read ahead while they come back empty (a first run's look-back is mostly empty hours). */
const MAX_AHEAD = 16;

/**
 * One bucketed sweep: asks for each bucket after the last one swept (at most `lookback` back on the
 * first run) up to `upTo`, by equality, and hands its items to `handle` until `limit` items were
 * handled. Buckets before `upTo` are complete (all their items are due), so the mark moves past
 * them; `upTo` itself is partly due and is asked again next time. Buckets are handled one after
 * another, in order; the next ones are read side by side while the buckets come back empty (an item
 * is only ever changed by the handling of its own bucket, so reading ahead reads the same).
 */
export async function sweepBuckets<T>(
  workspaceId: Types.ObjectId,
  sweep: string,
  opts: { upTo: number; lookback: number; limit: number },
  fetch: (bucket: number) => Promise<T[]>,
  handle: (items: T[]) => Promise<void>,
): Promise<void> {
  const mark = await sweepMarksRepo.get(workspaceId, sweep);
  // A mark at or past `upTo` means the clock moved back (a restored backup, a test clock): sweep the lookback again.
  let done = mark !== null && mark < opts.upTo ? mark : opts.upTo - opts.lookback - 1;
  let handled = 0;
  let ahead = MAX_AHEAD / 2;
  const reads = new Map<number, Promise<T[]>>();
  const read = (b: number) => {
    if (b > opts.upTo || reads.has(b)) return;
    const p = fetch(b);
    p.catch(() => undefined); // a read ahead that is never awaited must not fail the process
    reads.set(b, p);
  };
  for (let b = done + 1; b <= opts.upTo && handled < opts.limit; b++) {
    for (let a = b; a < b + ahead; a++) read(a);
    const all = await reads.get(b)!;
    reads.delete(b);
    ahead = all.length ? 1 : Math.min(ahead * 2, MAX_AHEAD);
    const items = all.slice(0, opts.limit - handled);
    await handle(items);
    handled += items.length;
    if (b < opts.upTo && handled < opts.limit) done = b;
  }
  if (done !== mark) await sweepMarksRepo.set(workspaceId, sweep, done);
}
