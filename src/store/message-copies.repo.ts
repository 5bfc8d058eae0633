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

  async list(entityKind: string, entityId: string, platform: string): Promise<MessageCopy[]> {
    return MessageCopyModel.find({ entityKind, entityId, platform }).sort({ createdAt: 1 }).lean();
  },
};
