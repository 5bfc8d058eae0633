import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';

const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * A message to send (a nudge, an escalation, a digest, a ticket card for the support channel, a new
 * owner's card), written before it is sent. `key` is its idempotency key (lead + due time, team + week,
 * one per reply post): a second enqueue of the same key is a no-op.
 */
const outboxSchema = new Schema(
  {
    workspaceId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    platform: { type: String, required: true, enum: ['slack', 'wecom', 'sandbox'] },
    // A member's platform user id ('dm') or a channel id / WeCom robot webhook ('channel').
    to: { type: String, required: true },
    kind: { type: String, required: true, enum: ['dm', 'channel'] },
    // Neutral cards (bot/cards/card.ts), rendered for the platform when sent.
    cards: { type: Schema.Types.Mixed, required: true },
    locale: { type: String, required: true },
    // The ticket or lead the card shows ({ kind, id }): where it lands is remembered for redraws.
    entity: { type: Schema.Types.Mixed, default: null },
    // A form sent with the cards (WeCom replies: its fields as text), or null.
    form: { type: Schema.Types.Mixed, default: null },
    status: { type: String, enum: OUTBOX_STATUSES, default: 'pending' },
    // Claimed attempts so far (see outbox-attempt.model.ts).
    attempts: { type: Number, default: 0 },
    // The last attempt may have reached the platform (a crash, a timeout, a 5xx): check before resending.
    uncertain: { type: Boolean, default: false },
    // When the next attempt may start: the first send, a retry after back-off, or a crashed sender's lease.
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: '' },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
);
outboxSchema.index({ workspaceId: 1, key: 1 }, { unique: true });
outboxSchema.index({ status: 1, nextAttemptAt: 1 });

export type OutboxItem = InferSchemaType<typeof outboxSchema>;
export type OutboxDoc = HydratedDocument<OutboxItem>;
export const OutboxModel = model('OutboxItem', outboxSchema, 'outbox');
