import type { Types } from 'mongoose';
import { CounterModel } from './counter.model';
import { isDuplicateKeyError, retryOnDuplicate } from '../db/db-errors';

export const countersRepo = {
  /**
   * Inserts a document numbered by the sequence `name`. The (workspaceId, seq) unique index is the
   * guard: when two writers got the same number (FerretDB's $inc is not atomic under concurrency;
   * MongoDB's is) the loser takes the next number, so ids stay unique and nothing fails.
   */
  async insertNumbered<T>(workspaceId: Types.ObjectId, name: string, insert: (seq: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const seq = await this.next(workspaceId, name);
      try {
        return await insert(seq);
      } catch (err) {
        if (!isDuplicateKeyError(err) || attempt >= 20) throw err;
      }
    }
  },

  /** Atomically increments and returns the workspace's sequence `name`. */
  async next(workspaceId: Types.ObjectId, name: string): Promise<number> {
    const doc = await retryOnDuplicate(() =>
      CounterModel.findOneAndUpdate({ workspaceId, name }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }),
    );
    return doc!.seq;
  },
};
