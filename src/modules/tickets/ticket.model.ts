import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { PRIORITIES } from './ticket-priority';

export { PRIORITIES };
export const TICKET_STATUSES = ['open', 'claimed', 'resolved'] as const;

const ticketSchema = new Schema(
  {
    workspaceId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    subject: { type: String, required: true },
    description: { type: String, default: '' },
    priority: { type: String, enum: PRIORITIES, default: 'normal' },
    /** Bumped by every transition: the state a change was made from (see changes.repo). */
    rev: { type: Number, default: 0 },
    status: { type: String, enum: TICKET_STATUSES, default: 'open' },
    leadId: { type: Schema.Types.ObjectId, default: null },
    createdById: { type: Schema.Types.ObjectId, required: true },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    claimedAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    resolution: { type: String, default: '' },
    escalated: { type: Boolean, default: false },
    // Which claim round the ticket is in (see ticket-claim.model.ts); a reopen starts the next one.
    claimRound: { type: Number, default: 0 },
    // SLA targets stored when the ticket opens (and again on reopen); the jobs issue chases breaches.
    firstResponseDueAt: { type: Date, required: true },
    resolutionDueAt: { type: Date, required: true },
    // The SLA job has chased this round's missed claim / resolution target (reset on reopen).
    slaClaimAlerted: { type: Boolean, default: false },
    slaResolveAlerted: { type: Boolean, default: false },
    // Buckets kept by tickets.repo (see ticket-buckets.ts): the SLA sweep and the digest ask by equality.
    createdDay: { type: Number, default: null },
    resolvedDay: { type: Number, default: null },
    firstResponseDueHour: { type: Number, default: null },
    resolutionDueHour: { type: Number, default: null },
    firstResponseDueDay: { type: Number, default: null },
    resolutionDueDay: { type: Number, default: null },
  },
  { timestamps: true },
);
ticketSchema.index({ workspaceId: 1, seq: 1 }, { unique: true });
ticketSchema.index({ workspaceId: 1, status: 1, createdAt: -1 });
ticketSchema.index({ workspaceId: 1, assigneeId: 1, status: 1 });
ticketSchema.index({ workspaceId: 1, leadId: 1 });
ticketSchema.index({ workspaceId: 1, firstResponseDueHour: 1 });
ticketSchema.index({ workspaceId: 1, resolutionDueHour: 1 });
ticketSchema.index({ workspaceId: 1, firstResponseDueDay: 1 });
ticketSchema.index({ workspaceId: 1, resolutionDueDay: 1 });
ticketSchema.index({ workspaceId: 1, createdDay: 1 });
ticketSchema.index({ workspaceId: 1, resolvedDay: 1 });

export type Ticket = InferSchemaType<typeof ticketSchema>;
/** A ticket as the repo returns it: a plain object, never a mongoose document. */
export type TicketEntity = Ticket & { _id: Types.ObjectId };
export const TicketModel = model('Ticket', ticketSchema);
