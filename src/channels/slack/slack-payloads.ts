import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';
import { AppError } from '../../platform/errors';

// zod schemas of everything Slack sends to POST /slack/events: slash commands, interactivity payloads
// (block actions, view submissions, shortcuts, block suggestions) and Events API callbacks.
// A request is checked against them before Bolt sees it, so nothing malformed reaches resolveIdentity.
// Objects are loose: Slack adds fields over time and we keep only what we read.

/** A Slack id (team T…/E…, user U…/W…, channel C…/G…/D…): short, no spaces or punctuation. */
const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const name = z.string().max(256);

/** A workspace's subdomain (acme in acme.slack.com); it goes into permalinks. */
const domain = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);
const team = z.looseObject({ id: slackId, domain: domain.optional() });
const user = z.looseObject({ id: slackId, name: name.optional(), username: name.optional(), team_id: slackId.optional() });
const channel = z.looseObject({ id: slackId });

/** Interactive payloads name their workspace in `team` or, in some org-wide installs, only in `user.team_id`. */
const hasWorkspace = (b: { team?: { id: string } | null; user: { team_id?: string } }) => Boolean(b.team?.id ?? b.user.team_id);
const workspaceRule = { message: 'the payload names no workspace (team.id or user.team_id)', path: ['team', 'id'] };

export const slashCommandBody = z.looseObject({
  team_id: slackId,
  team_domain: domain.optional(),
  user_id: slackId,
  user_name: name.optional(),
  channel_id: slackId.optional(),
  command: z.string().regex(/^\/[\w-]{1,31}$/),
  text: z.string().default(''),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

export const blockActionBody = z
  .looseObject({
    team: team.nullish(),
    user,
    channel: channel.nullish(),
    trigger_id: z.string().optional(),
    actions: z.array(z.looseObject({ action_id: z.string().min(1).max(255), value: z.string().max(2000).optional() })).min(1),
  })
  .refine(hasWorkspace, workspaceRule);

const stateValue = z.looseObject({
  value: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string().optional() }).nullish(),
});

export const viewSubmissionBody = z
  .looseObject({
    team: team.nullish(),
    user,
    view: z.looseObject({
      callback_id: z.string().min(1).max(255),
      private_metadata: z.string().max(3000).optional(),
      state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), stateValue)) }),
    }),
  })
  .refine(hasWorkspace, workspaceRule);

export const messageShortcutBody = z
  .looseObject({
    team: team.nullish(),
    user,
    channel: channel.nullish(),
    callback_id: z.string().min(1).max(255),
    trigger_id: z.string().optional(),
    message_ts: z.string().optional(),
    message: z.looseObject({ text: z.string().optional(), user: slackId.optional(), username: name.optional(), ts: z.string().optional() }),
  })
  .refine(hasWorkspace, workspaceRule);

export const optionsBody = z
  .looseObject({ team: team.nullish(), user, action_id: z.string().max(255).optional(), value: z.string().max(3000).optional() })
  .refine(hasWorkspace, workspaceRule);

const globalShortcutBody = z.looseObject({ team: team.nullish(), user, callback_id: z.string().min(1).max(255) }).refine(hasWorkspace, workspaceRule);
const viewClosedBody = z.looseObject({ team: team.nullish(), user, view: z.looseObject({}) }).refine(hasWorkspace, workspaceRule);

export type SlashCommandBody = z.input<typeof slashCommandBody>;
export type BlockActionBody = z.infer<typeof blockActionBody>;
export type ViewSubmissionBody = z.infer<typeof viewSubmissionBody>;
export type MessageShortcutBody = z.infer<typeof messageShortcutBody>;
export type OptionsBody = z.infer<typeof optionsBody>;

/** Interactivity (`payload=<json>`) by its `type`; any other type is refused. */
const INTERACTIVE: Record<string, z.ZodType> = {
  block_actions: blockActionBody,
  view_submission: viewSubmissionBody,
  view_closed: viewClosedBody,
  message_action: messageShortcutBody,
  shortcut: globalShortcutBody,
  block_suggestion: optionsBody,
};

/** Events API envelopes (JSON) by their `type`. */
const EVENTS: Record<string, z.ZodType> = {
  url_verification: z.looseObject({ challenge: z.string().min(1).max(1000) }),
  event_callback: z.looseObject({ team_id: slackId, event: z.looseObject({ type: z.string().min(1).max(100) }) }),
  app_rate_limited: z.looseObject({ team_id: slackId }),
};

const sslCheck = z.looseObject({ ssl_check: z.literal('1') });

export type SlackBodyCheck = { ok: true; kind: string } | { ok: false; error: 'invalid_json' | 'invalid_payload'; kind: string; fields: string[] };

const fieldsOf = (issues: readonly { path: readonly PropertyKey[] }[]): string[] => [...new Set(issues.map((i) => i.path.map(String).join('.') || '(body)'))];

function checkByType(kind: string, table: Record<string, z.ZodType>, body: unknown): SlackBodyCheck {
  const type = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' && Object.hasOwn(table, type) ? table[type] : undefined;
  if (!schema) return { ok: false, error: 'invalid_payload', kind, fields: ['type'] };
  const r = schema.safeParse(body);
  return r.success ? { ok: true, kind: type as string } : { ok: false, error: 'invalid_payload', kind: type as string, fields: fieldsOf(r.error.issues) };
}

function parseJson(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

/**
 * Checks a verified request body the way Bolt will read it (ExpressReceiver's parseRequestBody): a form
 * when the content type is exactly `application/x-www-form-urlencoded` (its `payload` field, when it is
 * one string, holds the interactivity JSON), JSON otherwise.
 */
export function checkSlackBody(raw: string, contentType: string | undefined): SlackBodyCheck {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseQuery(raw);
    if (typeof form.payload === 'string') {
      const json = parseJson(form.payload);
      return json.ok ? checkByType('interactive', INTERACTIVE, json.value) : { ok: false, error: 'invalid_json', kind: 'interactive', fields: ['payload'] };
    }
    if (sslCheck.safeParse(form).success) return { ok: true, kind: 'ssl_check' };
    const r = slashCommandBody.safeParse(form);
    return r.success ? { ok: true, kind: 'command' } : { ok: false, error: 'invalid_payload', kind: 'command', fields: fieldsOf(r.error.issues) };
  }
  const json = parseJson(raw);
  return json.ok ? checkByType('event', EVENTS, json.value) : { ok: false, error: 'invalid_json', kind: 'event', fields: [] };
}

/** Parses one payload kind for a listener; a payload the HTTP check let through always passes. */
export function parseSlackPayload<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new AppError('invalid_input', `invalid Slack ${what}: ${fieldsOf(r.error.issues).join(', ')}`, { userMessage: { key: 'error.invalid_payload' } });
}
