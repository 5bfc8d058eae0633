import { Schema, model } from 'mongoose';

// Per-workspace sequences: human ids (L-1024) and the round-robin cursor.
const counterSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  name: { type: String, required: true },
  seq: { type: Number, default: 0 },
});
counterSchema.index({ workspaceId: 1, name: 1 }, { unique: true });

export const CounterModel = model('Counter', counterSchema);
