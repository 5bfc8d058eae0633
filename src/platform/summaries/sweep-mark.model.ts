import { Schema, model } from 'mongoose';

// How far a bucketed sweep got: the last bucket (hour or day number) it has handled completely.
const sweepMarkSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  sweep: { type: String, required: true },
  bucket: { type: Number, required: true },
});
sweepMarkSchema.index({ workspaceId: 1, sweep: 1 }, { unique: true });

export const SweepMarkModel = model('SweepMark', sweepMarkSchema);
