import type { Types } from 'mongoose';
import { CounterModel } from './counter.model';
import { retryOnDuplicate } from './db-errors';

export const countersRepo = {
  /** Atomically increments and returns the workspace's sequence `name`. */
  async next(workspaceId: Types.ObjectId, name: string): Promise<number> {
    const doc = await retryOnDuplicate(() =>
      CounterModel.findOneAndUpdate({ workspaceId, name }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }),
    );
    return doc!.seq;
  },
};
