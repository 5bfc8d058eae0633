import { MessageCopyModel } from './message-copy.model';
import type { CopyOwner } from './copies';

export interface MessageCopy extends CopyOwner {
  channel: string;
  ref: string;
}

export const messageCopiesRepo = {
  async record(copy: MessageCopy): Promise<void> {
    await MessageCopyModel.create(copy);
  },

  async replaceRef(owner: CopyOwner, channel: string, oldRef: string, newRef: string): Promise<void> {
    await MessageCopyModel.updateOne({ ...owner, channel, ref: oldRef }, { $set: { ref: newRef } });
  },

  async list(owner: CopyOwner): Promise<{ channel: string; ref: string }[]> {
    return MessageCopyModel.find(owner, { channel: 1, ref: 1 }).sort({ createdAt: 1 }).lean();
  },
};
