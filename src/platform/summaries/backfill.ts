import type { Model, Types } from 'mongoose';

/**
 * One pass over a workspace's documents in `model`, setting the derived fields `derive` gives where
 * they differ from what is stored. For the reconcile job (documents an older version or an import
 * wrote), never for a screen. Returns how many documents it fixed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any of the models
export async function backfill(model: Model<any>, workspaceId: Types.ObjectId, derive: (doc: Record<string, unknown>) => Record<string, unknown>): Promise<number> {
  let fixed = 0;
  let ops: { updateOne: { filter: Record<string, unknown>; update: Record<string, unknown> } }[] = [];
  const flush = async () => {
    if (ops.length) await model.bulkWrite(ops as never, { ordered: false });
    fixed += ops.length;
    ops = [];
  };
  const pending: typeof ops = [];
  for (const doc of await model.find({ workspaceId }).lean()) {
    const d = doc as Record<string, unknown>;
    const want = derive(d);
    const set = Object.fromEntries(Object.entries(want).filter(([k, v]) => JSON.stringify(d[k] ?? null) !== JSON.stringify(v ?? null)));
    if (Object.keys(set).length) pending.push({ updateOne: { filter: { workspaceId, _id: d._id }, update: { $set: set } } });
  }
  // Written after the read (FerretDB 1.24 stalls when a cursor is open while the same collection is written).
  for (let i = 0; i < pending.length; i += 500) {
    ops = pending.slice(i, i + 500);
    await flush();
  }
  return fixed;
}
