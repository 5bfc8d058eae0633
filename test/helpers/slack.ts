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

/**
 * A local stand-in for Slack's Web API and response URLs. It records every call; `/api/<method>`
 * answers like Slack (form in, `{ ok: true }` out) and `/respond/<id>` accepts response_url posts.
 */
export class FakeSlack {
  readonly calls: Recorded[] = [];
  private server?: http.Server;
  url = '';

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
        this.calls.push({ path, method: path.replace(/^\/api\//, ''), headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(path)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  private answer(path: string): unknown {
    switch (path) {
      case '/api/auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'chatcrm' };
      case '/api/chat.postMessage':
        return { ok: true, channel: 'D1', ts: `${Date.now() / 1000}` };
      case '/api/views.open':
        return { ok: true, view: { id: 'V1' } };
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
