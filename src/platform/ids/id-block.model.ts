import { Schema, model } from 'mongoose';

// One row per block of numbers a process took for a workspace's sequence (`lead`, `ticket`, …): block b
// holds the numbers b*size+1 … (b+1)*size. The unique index hands each block to exactly one process,
// also where $inc and findOneAndUpdate are not atomic (FerretDB).
const idBlockSchema = new Schema({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  name: { type: String, required: true },
  block: { type: Number, required: true },
  at: { type: Date, default: () => new Date() },
});
idBlockSchema.index({ workspaceId: 1, name: 1, block: 1 }, { unique: true });

export const IdBlockModel = model('IdBlock', idBlockSchema, 'id_blocks');
