import { Schema, model } from 'mongoose';

// Where a card about an entity (a ticket) was posted, so every copy can be redrawn when it changes.
const messageCopySchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  entityKind: { type: String, required: true },
  entityId: { type: String, required: true },
  platform: { type: String, required: true },
  channel: { type: String, required: true },
  ref: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
messageCopySchema.index({ workspaceId: 1, entityKind: 1, entityId: 1, platform: 1 });

export const MessageCopyModel = model('MessageCopy', messageCopySchema);
