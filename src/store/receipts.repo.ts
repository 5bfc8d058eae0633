import { ReceiptModel } from './receipt.model';
import { isDuplicateKeyError } from './db-errors';

export const receiptsRepo = {
  /** True the first time (source, key) is seen; false for every repeat delivery. */
  async firstTime(source: string, key: string): Promise<boolean> {
    try {
      await ReceiptModel.create({ source, key, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  },
};
