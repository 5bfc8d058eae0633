import { MessageCopyModel } from './message-copy.model';

export interface MessageCopy {
  entityKind: string;
  entityId: string;
  platform: string;
  channel: string;
  ref: string;
}

export const messageCopiesRepo = {
  async record(copy: MessageCopy): Promise<void> {
    await MessageCopyModel.create(copy);
  },

  async replaceRef(entityKind: string, entityId: string, platform: string, channel: string, oldRef: string, newRef: string): Promise<void> {
    await MessageCopyModel.updateOne({ entityKind, entityId, platform, channel, ref: oldRef }, { $set: { ref: newRef } });
  },

  async list(entityKind: string, entityId: string, platform: string): Promise<MessageCopy[]> {
    return MessageCopyModel.find({ entityKind, entityId, platform }).sort({ createdAt: 1 }).lean();
  },
};
