import { z } from 'zod';
import type { BotRequest, RequestOrigin } from '../../dispatcher/types';
import { parseTypedCommand } from '../../dispatcher/typed';
import { DEMO_WORKSPACE, type DemoMember } from '../../dispatcher/demo';

// Pure mapping from the sandbox page's JSON requests to neutral requests: no I/O, no business rules.

const id = z.string().min(1).max(255);
const as = z.string().min(1).max(64);

export const commandBody = z.object({ as, text: z.string().max(20_000) });
export const actionBody = z.object({ as, actionId: id, value: z.string().max(5000), messageId: z.string().max(40).optional() });
export const formBody = z.object({
  as,
  formId: id,
  values: z.record(z.string().max(64), z.string().max(20_000)),
  metadata: z.string().max(5000),
  messageId: z.string().max(40).optional(),
});
export const cancelBody = z.object({ as, messageId: z.string().min(1).max(40) });
export const jobBody = z.object({ as });
export const suggestBody = z.object({ as, field: z.string().min(1).max(64), query: z.string().max(200) });

function origin(m: DemoMember): RequestOrigin {
  return { platform: 'sandbox', workspaceId: DEMO_WORKSPACE.externalId, workspaceName: DEMO_WORKSPACE.name, userId: m.id, userName: m.name, channelId: `chat:${m.id}` };
}

/** Typed text, read with the same grammar as WeCom (`/lead add …`, `lead list`, `新建线索 …`, `帮助`). */
export function fromText(m: DemoMember, text: string): BotRequest {
  const typed = parseTypedCommand(text);
  return { ...origin(m), kind: 'command', command: typed?.command ?? '', text: typed?.text ?? text };
}

export function fromAction(m: DemoMember, actionId: string, value: string): BotRequest {
  return { ...origin(m), kind: 'action', actionId, value };
}

export function fromForm(m: DemoMember, formId: string, values: Record<string, string>, metadata: string): BotRequest {
  return { ...origin(m), kind: 'form', formId, values, metadata };
}

export function fromSuggest(m: DemoMember, field: string, query: string): BotRequest {
  return { ...origin(m), kind: 'suggest', field, query };
}
