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

/** Buckets read side by side while they come back empty (a first run's look-back is mostly empty hours). */
const MAX_AHEAD = 16;

/**
 * One bucketed sweep: asks for each bucket after the last one swept (at most `lookback` back on the
 * first run) up to `upTo`, by equality, and hands its items to `handle` until `limit` items were
 * handled. Buckets before `upTo` are complete (all their items are due), so the mark moves past
 * them; `upTo` itself is partly due and is asked again next time. Buckets are handled one after
 * another, in order; while they come back empty, the next few are read side by side first (an item
 * is only changed by the handling of its own bucket, so reading ahead reads the same). No read is
 * in flight while `handle` writes: FerretDB 1.24 stalls when a collection is written under an open cursor.
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
  for (let b = done + 1; b <= opts.upTo && handled < opts.limit; ) {
    const window = Array.from({ length: Math.min(ahead, opts.upTo - b + 1) }, (_, k) => b + k);
    const pages = await Promise.all(window.map(fetch));
    for (const [k, bucket] of window.entries()) {
      if (handled >= opts.limit) break;
      const items = pages[k].slice(0, opts.limit - handled);
      await handle(items);
      handled += items.length;
      if (bucket < opts.upTo && handled < opts.limit) done = bucket;
    }
    ahead = pages.some((p) => p.length) ? 1 : Math.min(ahead * 2, MAX_AHEAD);
    b += window.length;
  }
  if (done !== mark) await sweepMarksRepo.set(workspaceId, sweep, done);
}
