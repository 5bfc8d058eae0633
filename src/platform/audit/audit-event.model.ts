import { Schema, model, type InferSchemaType } from 'mongoose';

const auditEventSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  actorId: { type: Schema.Types.ObjectId, default: null },
  platform: { type: String, required: true },
  action: { type: String, required: true },
  entity: { type: String, required: true },
  entityId: { type: Schema.Types.ObjectId, required: true },
  before: { type: Schema.Types.Mixed, default: null },
  after: { type: Schema.Types.Mixed, default: null },
  at: { type: Date, required: true },
  // Set once the change was undone (`/undo`): it cannot be undone twice.
  undoneAt: { type: Date, default: null },
  // The day bucket of `at` (set by audit.repo): the digest asks for a window's days by equality.
  day: { type: Number, default: null },
});
auditEventSchema.index({ workspaceId: 1, entity: 1, entityId: 1, at: -1 });
auditEventSchema.index({ workspaceId: 1, action: 1, at: 1 });
auditEventSchema.index({ workspaceId: 1, day: 1 });
auditEventSchema.index({ workspaceId: 1, actorId: 1, at: -1 });

export type AuditEvent = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = model('AuditEvent', auditEventSchema);
