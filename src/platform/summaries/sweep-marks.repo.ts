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

/**
 * One bucketed sweep: asks for each bucket after the last one swept (at most `lookback` back on the
 * first run) up to `upTo`, by equality, and hands its items to `handle` until `limit` items were
 * handled. Buckets before `upTo` are complete (all their items are due), so the mark moves past
 * them; `upTo` itself is partly due and is asked again next time.
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
  for (let b = done + 1; b <= opts.upTo && handled < opts.limit; b++) {
    const items = (await fetch(b)).slice(0, opts.limit - handled);
    await handle(items);
    handled += items.length;
    if (b < opts.upTo && handled < opts.limit) done = b;
  }
  if (done !== mark) await sweepMarksRepo.set(workspaceId, sweep, done);
}
