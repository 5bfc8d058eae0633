import type { Types } from 'mongoose';
import { plainMany, plainOne } from '../../platform/db/plain';
import { isDuplicateKeyError, retryOnDuplicate } from '../../platform/db/db-errors';
import { DuplicateDismissalModel, DuplicatePairModel, DuplicateScanModel, type DuplicatePairEntity, type PairStatus } from './pairs.model';

export interface FoundPair {
  a: Types.ObjectId;
  b: Types.ObjectId;
  verdict: 'same' | 'possible';
  score: number;
  reasons: string[];
}

/** A bulk write whose only failures are duplicate keys (a dismissed pair found again) went through. */
function onlyDuplicates(err: unknown): boolean {
  const errors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
  return errors ? errors.every((e) => e.code === 11000) : isDuplicateKeyError(err);
}

export const pairsRepo = {
  /**
   * Records pairs as open, in one write: a pair known already gets the new score and reasons (and is
   * opened again if it was closed by a merge or a delete that was taken back). A dismissed pair is
   * never matched by the filter, so its upsert meets the unique index and leaves it as it is.
   */
  async upsertOpen(workspaceId: Types.ObjectId, pairs: FoundPair[], now: Date): Promise<void> {
    if (!pairs.length) return;
    const ops = pairs.map((p) => ({
      updateOne: {
        filter: { workspaceId, a: p.a, b: p.b, status: { $ne: 'dismissed' as const } },
        update: { $set: { verdict: p.verdict, score: p.score, reasons: p.reasons, status: 'open' as const }, $setOnInsert: { foundAt: now } },
        upsert: true,
      },
    }));
    try {
      await DuplicatePairModel.bulkWrite(ops, { ordered: false });
    } catch (err) {
      if (!onlyDuplicates(err)) throw err;
    }
  },

  /** Open pairs of the workspace (equality on workspace and status), best first, at most `limit`. */
  async open(workspaceId: Types.ObjectId, limit: number): Promise<DuplicatePairEntity[]> {
    return plainMany<DuplicatePairEntity>(await DuplicatePairModel.find({ workspaceId, status: 'open' }).sort({ score: -1, _id: 1 }).limit(limit));
  },

  async byPair(workspaceId: Types.ObjectId, a: Types.ObjectId, b: Types.ObjectId): Promise<DuplicatePairEntity | null> {
    return plainOne<DuplicatePairEntity>(await DuplicatePairModel.findOne({ workspaceId, a, b }));
  },

  /** Marks an open pair merged or closed (one of its leads is gone). */
  async close(workspaceId: Types.ObjectId, id: Types.ObjectId, status: Exclude<PairStatus, 'open' | 'dismissed'>): Promise<void> {
    await DuplicatePairModel.updateOne({ workspaceId, _id: id, status: 'open' }, { $set: { status } });
  },

  /** "Not a duplicate": true for the click that dismissed it, false when it was dismissed already. */
  async dismiss(workspaceId: Types.ObjectId, pair: FoundPair, byId: Types.ObjectId, now: Date): Promise<boolean> {
    try {
      await DuplicateDismissalModel.create({ workspaceId, a: pair.a, b: pair.b, byId, at: now });
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    const set = { status: 'dismissed', dismissedById: byId, dismissedAt: now };
    await retryOnDuplicate(() => DuplicatePairModel.updateOne({ workspaceId, a: pair.a, b: pair.b }, { $set: set, $setOnInsert: { verdict: pair.verdict, score: pair.score, reasons: pair.reasons, foundAt: now } }, { upsert: true }));
    return true;
  },
};

export interface ScanState {
  requestedAt: Date | null;
  after: Types.ObjectId | null;
  startedAt: Date | null;
  doneAt: Date | null;
}

export const scansRepo = {
  async get(workspaceId: Types.ObjectId): Promise<ScanState | null> {
    return DuplicateScanModel.findOne({ workspaceId }, { requestedAt: 1, after: 1, startedAt: 1, doneAt: 1 }).lean<ScanState>();
  },

  /** Asks for a scan of the workspace (the scan job starts it on its next run). */
  async request(workspaceId: Types.ObjectId, byId: Types.ObjectId, now: Date): Promise<void> {
    const write = () => DuplicateScanModel.updateOne({ workspaceId }, { $set: { requestedAt: now, requestedById: byId } }, { upsert: true });
    // Two first requests at once: the second upsert meets the unique index; the row exists now.
    await write().catch((err: unknown) => (isDuplicateKeyError(err) ? write() : Promise.reject(err)));
  },

  /** Where the walk under way got to (`after`: the last lead id scanned). */
  async progress(workspaceId: Types.ObjectId, after: Types.ObjectId, startedAt: Date): Promise<void> {
    await DuplicateScanModel.updateOne({ workspaceId }, { $set: { after, startedAt } }, { upsert: true });
  },

  /** The walk is done; a request made after it started stays for the next run. */
  async finish(workspaceId: Types.ObjectId, startedAt: Date, now: Date): Promise<void> {
    await DuplicateScanModel.updateOne({ workspaceId }, { $set: { after: null, startedAt: null, doneAt: now } }, { upsert: true });
    await DuplicateScanModel.updateOne({ workspaceId, requestedAt: { $lte: startedAt } }, { $set: { requestedAt: null } });
  },
};
