/** Where posted entity cards went (implemented over the store by the composition root, app.ts). */
export interface CopyStore {
  record(copy: { entityKind: string; entityId: string; platform: string; channel: string; ref: string }): Promise<void>;
  list(entityKind: string, entityId: string, platform: string): Promise<{ channel: string; ref: string }[]>;
  /** Swap a copy's reference (WeCom: a used, single-use response code for the next one). */
  replaceRef(entityKind: string, entityId: string, platform: string, channel: string, oldRef: string, newRef: string): Promise<void>;
}
