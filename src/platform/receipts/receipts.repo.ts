import { ReceiptModel } from './receipt.model';
import { isDuplicateKeyError } from '../db/db-errors';

/** Platforms retry within minutes; a week of receipts is plenty, and older ones are pruned. */
const KEEP_MS = 7 * 86400_000;
const PRUNE_EVERY = 500;
let sincePrune = 0;

export const receiptsRepo = {
  /** True the first time (source, key) is seen; false for every repeat delivery. */
  async firstTime(source: string, key: string): Promise<boolean> {
    if (++sincePrune >= PRUNE_EVERY) {
      sincePrune = 0;
      await ReceiptModel.deleteMany({ at: { $lt: new Date(Date.now() - KEEP_MS) } });
    }
    try {
      await ReceiptModel.create({ source, key, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  },
};
