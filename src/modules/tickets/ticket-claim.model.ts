import { Schema, model } from 'mongoose';

// One row per (ticket, claim round): the unique index decides who claimed first, even on a database
// whose findOneAndUpdate is not atomic under concurrency (FerretDB on SQLite, seen in tests). A reopen
// starts a new round.
const ticketClaimSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  ticketId: { type: Schema.Types.ObjectId, required: true },
  round: { type: Number, required: true },
  memberId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
ticketClaimSchema.index({ workspaceId: 1, ticketId: 1, round: 1 }, { unique: true });

export const TicketClaimModel = model('TicketClaim', ticketClaimSchema);
