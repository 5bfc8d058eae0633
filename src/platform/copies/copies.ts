/** Which entity's copies, in which workspace (its database id), on which platform. */
export interface CopyOwner {
  workspaceId: string;
  entityKind: string;
  entityId: string;
  platform: string;
}

/** Where posted entity cards went (implemented over the store by the composition root, app.ts). */
export interface CopyStore {
  record(copy: CopyOwner & { channel: string; ref: string }): Promise<void>;
  list(owner: CopyOwner): Promise<{ channel: string; ref: string }[]>;
  /** Swap a copy's reference (WeCom: a used, single-use response code for the next one). */
  replaceRef(owner: CopyOwner, channel: string, oldRef: string, newRef: string): Promise<void>;
}
