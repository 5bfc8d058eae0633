import { Schema, model } from 'mongoose';

// One row per platform delivery already taken in (a WeCom MsgId, an event's sender + time). The
// unique index makes retries and duplicate deliveries no-ops, across restarts and instances.
const receiptSchema = new Schema({
  source: { type: String, required: true },
  key: { type: String, required: true },
  at: { type: Date, required: true },
});
receiptSchema.index({ source: 1, key: 1 }, { unique: true });
receiptSchema.index({ at: 1 });

export const ReceiptModel = model('Receipt', receiptSchema);
