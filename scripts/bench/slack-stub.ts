// A local stand-in for Slack: the Web API the product and the peer call (auth.test, users.info,
// chat.postMessage…) and the response_url where a late answer lands. It records response_url posts by id.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post to a response_url: its body and when it arrived (performance.now(), this process's clock). */
export interface LateAnswer {
  at: number;
  body: string;
}

export interface SlackStub {
  apiUrl: string;
  responseUrl(id: string): string;
  /** What was posted to one response_url, in arrival order. */
  answers(id: string): LateAnswer[];
  apiCalls: Map<string, number>;
  close(): Promise<void>;
}

function apiAnswer(method: string, form: URLSearchParams, n: number): unknown {
  switch (method) {
    case 'auth.test':
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'TBENCH', user: 'chatcrm' };
    case 'users.info': {
      const id = form.get('user') ?? 'U0';
      return { ok: true, user: { id, name: id.toLowerCase(), real_name: `Bench ${id}`, profile: { display_name: `Bench ${id}`, real_name: `Bench ${id}` } } };
    }
    case 'chat.postMessage':
    case 'chat.postEphemeral':
      return { ok: true, channel: form.get('channel') ?? 'C0', ts: `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, '0')}` };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${form.get('users') ?? 'U0'}` } };
    default:
      return { ok: true };
  }
}

/** Starts the stub on a free loopback port. */
export async function startSlackStub(): Promise<SlackStub> {
  const answers = new Map<string, LateAnswer[]>();
  const apiCalls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '').split('?')[0];
      res.setHeader('content-type', 'application/json');
      if (path.startsWith('/respond/')) {
        const id = decodeURIComponent(path.slice('/respond/'.length));
        answers.set(id, [...(answers.get(id) ?? []), { at: performance.now(), body: raw }]);
        res.end('{"ok":true}');
        return;
      }
      const method = path.replace(/^\/api\//, '');
      const n = (apiCalls.get(method) ?? 0) + 1;
      apiCalls.set(method, n);
      const form = String(req.headers['content-type'] ?? '').includes('json') ? new URLSearchParams() : new URLSearchParams(raw);
      res.end(JSON.stringify(apiAnswer(method, form, n)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    answers: (id) => answers.get(id) ?? [],
    apiCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
