import type { Platform } from '../modules/workspaces';

/** Who sent a request, from where; produced by each adapter's pure toBotRequest function. */
export interface RequestOrigin {
  platform: Platform;
  workspaceId: string;
  workspaceName?: string;
  userId: string;
  userName: string;
  channelId?: string;
}

export type BotRequest =
  | (RequestOrigin & { kind: 'command'; command: string; text: string })
  | (RequestOrigin & { kind: 'action'; actionId: string; value: string })
  | (RequestOrigin & { kind: 'form'; formId: string; values: Record<string, string>; metadata: string })
  | (RequestOrigin & { kind: 'shortcut'; shortcutId: string; messageText: string; messageAuthor?: string; messageLink?: string })
  | (RequestOrigin & { kind: 'suggest'; field: string; query: string });

export type { Ctx, Handler } from '../modules/workspaces';
