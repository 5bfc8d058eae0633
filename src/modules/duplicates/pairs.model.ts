import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// One row per pair of leads the duplicate engine found alike (a "Create anyway", or the scan job), so
// `/crm duplicates` reads the open pairs by equality instead of comparing every lead with every other.
// `a` < `b` (by id), so a pair found from either side is one row (the unique index).
export const PAIR_STATUSES = ['open', 'dismissed', 'merged', 'closed'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

const pairSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  a: { type: Schema.Types.ObjectId, required: true },
  b: { type: Schema.Types.ObjectId, required: true },
  /** The engine's answer for the pair: `same` customer or `possible` duplicate. */
  verdict: { type: String, enum: ['same', 'possible'], required: true },
  score: { type: Number, required: true },
  reasons: { type: [String], default: [] },
  // open: listed; dismissed: "Not a duplicate" (never listed again); merged / closed: a lead of it was
  // merged / deleted (found so when listed; the scan opens it again if both leads are back).
  status: { type: String, enum: PAIR_STATUSES, required: true },
  foundAt: { type: Date, required: true },
  dismissedById: { type: Schema.Types.ObjectId, default: null },
  dismissedAt: { type: Date, default: null },
}, { collection: 'duplicatepairs' });
pairSchema.index({ workspaceId: 1, a: 1, b: 1 }, { unique: true });
pairSchema.index({ workspaceId: 1, status: 1 });

export type DuplicatePair = InferSchemaType<typeof pairSchema>;
export type DuplicatePairEntity = DuplicatePair & { _id: Types.ObjectId };
export const DuplicatePairModel = model('DuplicatePair', pairSchema);

/** Scan progress per workspace: a requested scan (`/crm duplicates scan`) and where the walk is. */
const scanSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true, unique: true },
  requestedAt: { type: Date, default: null },
  requestedById: { type: Schema.Types.ObjectId, default: null },
  /** The last lead id scanned in the walk under way (null: no walk under way). */
  after: { type: Schema.Types.ObjectId, default: null },
  startedAt: { type: Date, default: null },
  doneAt: { type: Date, default: null },
}, { collection: 'duplicatescans' });

export type DuplicateScan = InferSchemaType<typeof scanSchema>;
export const DuplicateScanModel = model('DuplicateScan', scanSchema);

/** "Not a duplicate", once per pair: of simultaneous clicks the unique index lets one win (FerretDB's updates are not atomic). */
const dismissalSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  a: { type: Schema.Types.ObjectId, required: true },
  b: { type: Schema.Types.ObjectId, required: true },
  byId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
}, { collection: 'duplicatedismissals' });
dismissalSchema.index({ workspaceId: 1, a: 1, b: 1 }, { unique: true });
export const DuplicateDismissalModel = model('DuplicateDismissal', dismissalSchema);
