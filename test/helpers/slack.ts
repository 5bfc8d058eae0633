import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';

export function slackHeaders(secret: string, rawBody: string, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  const sig = 'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig };
}

export interface Recorded {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** How the fake answers one Web API call: normally, 429, a 500 after posting anyway, or never. */
export type Fault = 'ok' | 'rate_limited' | 'error_after_post' | 'hang' | 'channel_not_found';

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  key?: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for Slack's Web API and response URLs. It records every call; `/api/<method>`
 * answers like Slack (form in, `{ ok: true }` out) and `/respond/<id>` accepts response_url posts.
 */
export class FakeSlack {
  readonly calls: Recorded[] = [];
  /** Messages chat.postMessage accepted (also when it then answered 500), as channel history. */
  readonly posted: PostedMessage[] = [];
  /** Decides each Web API call's fate; `n` counts calls to that method so far (1-based). */
  fault: (method: string, n: number) => Fault = () => 'ok';
  /** The workspace's people as users.info tells them, by user id. */
  readonly users = new Map<string, { handle: string; realName: string; displayName?: string }>();
  private readonly counts = new Map<string, number>();
  private server?: http.Server;
  url = '';
  /** The WebSocket URL `apps.connections.open` hands out (Socket Mode tests set it). */
  socketUrl?: string;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0];
        let body: Record<string, unknown> = {};
        const ct = String(req.headers['content-type'] ?? '');
        if (ct.includes('application/json')) body = raw ? JSON.parse(raw) : {};
        else {
          for (const [k, v] of new URLSearchParams(raw)) {
            body[k] = /^[[{]/.test(v) ? safeJson(v) : v;
          }
        }
        const method = path.replace(/^\/api\//, '');
        this.calls.push({ path, method, headers: req.headers, body });
        const n = (this.counts.get(method) ?? 0) + 1;
        this.counts.set(method, n);
        const fault = path.startsWith('/api/') ? this.fault(method, n) : 'ok';
        if (fault === 'rate_limited') {
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        if (fault === 'channel_not_found') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'channel_not_found' }));
          return;
        }
        const answer = this.answer(path, body);
        if (fault === 'hang') return; // processed, never answered (the caller dies or times out)
        if (fault === 'error_after_post') {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  private answer(path: string, body: Record<string, unknown>): unknown {
    switch (path) {
      case '/api/auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'chatcrm' };
      case '/api/chat.postMessage': {
        // A user id as channel means a direct message: Slack answers with the DM channel's id.
        const to = String(body.channel ?? '');
        const channel = /^[UW]/.test(to) ? `D${to}` : to;
        const ts = `${(Date.now() / 1000).toFixed(6)}${this.posted.length}`;
        const meta = body.metadata as { event_payload?: { key?: string } } | undefined;
        this.posted.push({ channel, ts, text: String(body.text ?? ''), key: meta?.event_payload?.key, body });
        return { ok: true, channel, ts };
      }
      case '/api/conversations.open':
        return { ok: true, channel: { id: `D${String(body.users ?? '').split(',')[0]}` } };
      case '/api/conversations.history': {
        const oldest = Number(body.oldest ?? 0);
        const messages = this.posted
          .filter((m) => m.channel === body.channel && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(body.include_all_metadata && m.key ? { metadata: { event_type: 'chatcrm_outbox', event_payload: { key: m.key } } } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case '/api/apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      case '/api/views.open':
        return { ok: true, view: { id: 'V1' } };
      case '/api/users.info': {
        // Like Slack: users:read is needed, and an unknown user is an error.
        const u = this.users.get(String(body.user ?? ''));
        return u ? { ok: true, user: { id: body.user, name: u.handle, real_name: u.realName, profile: { display_name: u.displayName ?? '', real_name: u.realName } } } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: true };
    }
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  called(method: string): Recorded[] {
    return this.calls.filter((c) => c.method === method);
  }

  responses(id: string): Recorded[] {
    return this.calls.filter((c) => c.path === `/respond/${id}`);
  }

  reset(): void {
    this.calls.length = 0;
    this.posted.length = 0;
    this.counts.clear();
  }

  /** How many times each outbox key arrived (a correct sender makes every count 1). */
  deliveries(): Map<string, number> {
    const m = new Map<string, number>();
    for (const p of this.posted) if (p.key) m.set(p.key, (m.get(p.key) ?? 0) + 1);
    return m;
  }

  async waitFor(pred: () => boolean, timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out waiting for the fake Slack API');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
