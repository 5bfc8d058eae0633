import { Schema, model } from 'mongoose';

/**
 * One row per send attempt of an outbox item. The unique (item, attempt) index decides which sender
 * takes an attempt: FerretDB's findOneAndUpdate is not atomic under concurrency, a unique index is.
 */
const outboxAttemptSchema = new Schema(
  {
    itemId: { type: Schema.Types.ObjectId, required: true },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
  },
  { timestamps: true },
);
outboxAttemptSchema.index({ itemId: 1, attempt: 1 }, { unique: true });

export const OutboxAttemptModel = model('OutboxAttempt', outboxAttemptSchema, 'outbox_attempts');
