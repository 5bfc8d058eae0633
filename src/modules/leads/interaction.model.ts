import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const INTERACTION_KINDS = ['call', 'meeting', 'visit', 'email', 'wechat', 'note', 'complaint'] as const;

const interactionSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  leadId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: INTERACTION_KINDS, required: true },
  text: { type: String, default: '' },
  authorId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
  // From the "Log to lead" message shortcut: who wrote the message, and a link back to it.
  messageAuthor: { type: String, default: '' },
  messageLink: { type: String, default: '' },
  ticketId: { type: Schema.Types.ObjectId, default: null },
  // The day bucket of `at` (set by interactions.repo): the digest asks for a window's days by equality.
  day: { type: Number, default: null },
});
interactionSchema.index({ workspaceId: 1, leadId: 1, at: -1 });
interactionSchema.index({ workspaceId: 1, day: 1 });

export type Interaction = InferSchemaType<typeof interactionSchema>;
/** An interaction as the repo returns it: a plain object, never a mongoose document. */
export type InteractionEntity = Interaction & { _id: Types.ObjectId };
export const InteractionModel = model('Interaction', interactionSchema);
