import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppDeps } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/platform/logger';
import { auditWriter } from '../../src/platform/audit/audit-writer';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, slackHeaders } from './slack';

export interface TestService {
  url: string;
  slack: FakeSlack;
  close(): Promise<void>;
}

/** The real express + Bolt app on a loopback port, talking to a fake Slack API; with `socketUrl` (and
 * SLACK_APP_TOKEN, no signing secret) Bolt connects in Socket Mode to that WebSocket, as main does. */
export async function startService(env: Record<string, string> = {}, now?: () => Date, extra: Partial<AppDeps> = {}, socketUrl?: string): Promise<TestService> {
  const slack = await new FakeSlack().start();
  slack.socketUrl = socketUrl;
  const config = loadConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    DEFAULT_LOCALE: 'en',
    // Retries of posts that failed at once come quickly in tests (Slack's Retry-After still applies).
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_BASE_MS: '100',
    ...env,
  });
  const { app, outbox, slack: adapter } = createApp({ ...extra, config, logger: createLogger('silent'), now });
  // As main does: the outbox sender retries what could not be sent at once; Socket Mode connects out.
  outbox.start();
  const socketMode = adapter && !adapter.router;
  if (socketMode) await adapter.app.start();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    slack,
    close: async () => {
      await outbox.stop();
      await auditWriter.drain(5_000);
      if (socketMode) await adapter.app.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack.stop();
    },
  };
}

export interface SlashOptions {
  team?: string;
  user?: string;
  userName?: string;
  channel?: string;
  secret?: string;
  ts?: number;
  responseId?: string;
}

let seq = 0;

/** Sends a correctly signed slash command the way Slack does (form-encoded, bare content type). */
/** The Slack handle a test user sends with every command and click, as Slack does (UADMIN → admin). */
export function handleOf(user: string): string {
  return user.toLowerCase().slice(1);
}

export async function slash(svc: TestService, command: string, text: string, o: SlashOptions = {}) {
  const responseId = o.responseId ?? `r${++seq}`;
  const body = new URLSearchParams({
    token: 'deprecated',
    team_id: o.team ?? 'T1',
    team_domain: 'acme',
    channel_id: o.channel ?? 'C1',
    channel_name: 'sales',
    user_id: o.user ?? 'UADMIN',
    user_name: o.userName ?? handleOf(o.user ?? 'UADMIN'),
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: svc.slack.responseUrl(responseId),
    trigger_id: `trigger.${responseId}`,
  }).toString();
  const res = await fetch(`${svc.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(o.secret ?? SIGNING_SECRET, body, o.ts) },
    body,
  });
  const raw = await res.text();
  return { status: res.status, body: raw ? (JSON.parse(raw) as SlackMessage) : null, responseId };
}

export interface SlackMessage {
  text?: string;
  response_type?: string;
  replace_original?: boolean;
  blocks?: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { action_id?: string; value?: string; text: { text: string } | string }[] }[];
}

/** Everything a user would read in a message: header, sections, fields, context, button labels. */
export function visibleText(m: SlackMessage | null | undefined): string {
  if (!m) return '';
  const parts: string[] = [];
  for (const b of m.blocks ?? []) {
    if (b.text) parts.push(b.text.text);
    for (const f of b.fields ?? []) parts.push(f.text);
    for (const e of b.elements ?? []) parts.push(typeof e.text === 'string' ? e.text : e.text.text);
  }
  return parts.join('\n');
}

export function buttons(m: SlackMessage | null | undefined): { actionId: string; value: string; label: string }[] {
  const out: { actionId: string; value: string; label: string }[] = [];
  for (const b of m?.blocks ?? []) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements ?? []) out.push({ actionId: e.action_id!, value: e.value ?? '', label: typeof e.text === 'string' ? e.text : e.text.text });
  }
  return out;
}

export interface SignOptions {
  /** Unix seconds to sign with (default: now), to date a request in the past or the future. */
  ts?: number;
  secret?: string;
  /** Default: the form type Slack uses for commands and interactivity. */
  contentType?: string;
}

/** POSTs any raw body to /slack/events, correctly signed; the status, the raw text and the JSON when it is JSON. */
export async function signedPost(svc: TestService, body: string, o: SignOptions = {}) {
  const res = await fetch(`${svc.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': o.contentType ?? 'application/x-www-form-urlencoded', ...slackHeaders(o.secret ?? SIGNING_SECRET, body, o.ts) },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: parseOrNull(text) };
}

/** Sends a signed interactivity payload (button click, view submission, shortcut). */
export async function interact(svc: TestService, payload: Record<string, unknown>, o: SignOptions = {}) {
  const res = await signedPost(svc, 'payload=' + encodeURIComponent(JSON.stringify(payload)), o);
  return { status: res.status, body: res.text ? JSON.parse(res.text) : null };
}

/** A form field as Slack sends it: typed text, or a chosen option (`{ select }`). */
export type ViewValue = string | { select: string | null };

/** Submits a modal (view_submission) as `user`, with block id -> value. */
export function submitView(svc: TestService, user: string, view: { callback_id: string; private_metadata?: string }, values: Record<string, ViewValue>) {
  const state = Object.fromEntries(
    Object.entries(values).map(([block, v]) => [
      block,
      { value: typeof v === 'string' ? { type: 'plain_text_input', value: v } : { type: 'static_select', selected_option: v.select === null ? null : { value: v.select } } },
    ]),
  );
  return interact(svc, {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: user, username: handleOf(user), team_id: 'T1' },
    view: { id: 'V1', callback_id: view.callback_id, private_metadata: view.private_metadata ?? '', state: { values: state } },
  });
}

export function click(svc: TestService, button: { actionId: string; value: string }, o: { user?: string; team?: string; responseId?: string; ts?: number } = {}) {
  const responseId = o.responseId ?? `r${++seq}`;
  return interact(svc, {
    type: 'block_actions',
    user: { id: o.user ?? 'UADMIN', username: handleOf(o.user ?? 'UADMIN'), team_id: o.team ?? 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
    trigger_id: `trigger.${responseId}`,
    team: { id: o.team ?? 'T1', domain: 'acme' },
    channel: { id: 'C1', name: 'sales' },
    response_url: svc.slack.responseUrl(responseId),
    actions: [{ type: 'button', action_id: button.actionId, block_id: 'b1', value: button.value, action_ts: '1.2' }],
  }, { ts: o.ts }).then((r) => ({ ...r, responseId }));
}

function parseOrNull(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export { slackHeaders, SIGNING_SECRET };

/** Clicks a button as `user` and returns the answer Slack received for it. */
export async function clicked(svc: TestService, button: { actionId: string; value: string }, user = 'UADMIN'): Promise<SlackMessage> {
  const r = await click(svc, button, { user });
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
  return svc.slack.responses(r.responseId)[0].body as SlackMessage;
}
