import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const leadSchema = new Schema(
  {
    workspaceId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    company: { type: String, required: true },
    contactName: { type: String, required: true },
    phones: { type: [String], default: [] },
    emails: { type: [String], default: [] },
    // The phone keys (E.164) whose region was assumed (typed without a country code): the card says so.
    phoneGuesses: { type: [String], default: [] },
    source: { type: String, default: '' },
    value: { type: Number, default: null },
    currency: { type: String, default: null },
    stage: { type: String, required: true },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    createdById: { type: Schema.Types.ObjectId, required: true },
    tags: { type: [String], default: [] },
    nextFollowUpAt: { type: Date, default: null },
    nextFollowUpWhat: { type: String, default: '' },
    lostReason: { type: String, default: '' },
    lastContactAt: { type: Date, default: null },
    // A follow-up nudge is still to be sent for nextFollowUpAt (set with it, cleared once queued).
    followUpPending: { type: Boolean, default: false },
    // Gone-quiet state since the last contact: 0 active, 1 owner nudged, 2 escalated to the manager.
    quietLevel: { type: Number, default: 0 },
    /** Bumped by every update through leadsRepo.update: the state a change was made from (see changes.repo). */
    rev: { type: Number, default: 0 },
    /** When the owner was nudged about the current quiet spell (the escalation waits escalate-days after it). */
    quietNudgedAt: { type: Date, default: null },
    // Soft delete: a deleted lead is hidden from lists, search, duplicate checks, jobs and the digest; an admin can restore it.
    deletedAt: { type: Date, default: null },
    deletedById: { type: Schema.Types.ObjectId, default: null },
    // Set with deletedAt when the lead was merged into another (the survivor): its L- id still leads there.
    mergedInto: { type: Schema.Types.ObjectId, default: null },
    // Bucket fields kept by leads.repo so the sweeps and the digest ask by equality (see lead-buckets.ts).
    phoneKeys: { type: [String], default: [] },
    emailKeys: { type: [String], default: [] },
    followUpHour: { type: Number, default: null },
    activityDay: { type: Number, default: null },
    quietNudgedDay: { type: Number, default: null },
    createdDay: { type: Number, default: null },
    // Normalised keys used for duplicate detection and search; display fields keep what the user typed.
    keys: {
      phones: { type: [String], default: [] },
      emails: { type: [String], default: [] },
      company: { type: String, required: true },
      contact: { type: String, required: true },
    },
    // The duplicate engine's blocking keys (phones with extension, e-mails, domain, company core, contact
    // pinyin) and the version of its rules they were computed with (the start-up backfill updates older
    // ones). Top level: FerretDB pushes an equality on a top-level array down (it matches an element).
    blockKeys: { type: [String], default: undefined },
    blockKeysV: { type: Number, default: undefined },
  },
  { timestamps: true },
);
leadSchema.index({ workspaceId: 1, seq: 1 }, { unique: true });
leadSchema.index({ workspaceId: 1, phoneKeys: 1 });
leadSchema.index({ workspaceId: 1, emailKeys: 1 });
leadSchema.index({ workspaceId: 1, 'keys.company': 1, 'keys.contact': 1 });
leadSchema.index({ workspaceId: 1, blockKeys: 1 });
leadSchema.index({ blockKeysV: 1 });
leadSchema.index({ workspaceId: 1, ownerId: 1, updatedAt: -1 });
leadSchema.index({ workspaceId: 1, stage: 1 });
leadSchema.index({ workspaceId: 1, followUpHour: 1 });
leadSchema.index({ workspaceId: 1, activityDay: 1 });
leadSchema.index({ workspaceId: 1, quietNudgedDay: 1 });
leadSchema.index({ workspaceId: 1, createdDay: 1 });

export type Lead = InferSchemaType<typeof leadSchema>;
/** A lead as the repo returns it: a plain object, never a mongoose document. */
export type LeadEntity = Lead & { _id: Types.ObjectId };
export const LeadModel = model('Lead', leadSchema);
