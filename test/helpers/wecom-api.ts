import type { AddressInfo } from 'node:net';
import http from 'node:http';

export const WECOM_CORP_ID = 'ww-test-corp';
export const WECOM_SECRET = 'test-app-secret';
export const WECOM_AGENT_ID = 1000002;

export interface WecomCall {
  /** URL path, e.g. `/cgi-bin/message/send`. */
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  /** What the fake answered: an errcode, or the HTTP status of a scripted HTTP failure. */
  errcode?: number;
  status: number;
  /** message/send only: false when WeCom's duplicate check dropped it (answered ok, never shown). */
  delivered?: boolean;
}

/** A scripted failure; with `touser` it hits only calls addressed to that member. */
type Failure = ({ kind: 'errcode'; code: number } | { kind: 'http'; status: number } | { kind: 'drop' }) & { touser?: string };

/**
 * A local stand-in for WeCom's server API (shared/platforms/wecom.md §5). It records every call and
 * answers like WeCom: HTTP 200 with an errcode. gettoken issues `token-<n>`; business calls must carry
 * the latest token (else 40014) and one that has not been expired with expireTokens() (else 42001).
 * `failNext` / `httpFailNext` script failures; names are the part after `/cgi-bin/`, e.g. 'message/send'.
 */
export class FakeWecom {
  readonly calls: WecomCall[] = [];
  /** Member names user/get gives (as to an app with contact permission), by user id. */
  readonly names = new Map<string, string>();
  url = '';
  private server?: http.Server;
  private tokenCount = 0;
  private latestToken?: string;
  private tokenExpired = false;
  private sendCount = 0;
  private readonly failures = new Map<string, Failure[]>();

  constructor(private readonly creds = { corpId: WECOM_CORP_ID, secret: WECOM_SECRET }) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const call: WecomCall = { path: url.pathname, query: Object.fromEntries(url.searchParams), body: raw ? JSON.parse(raw) : {}, status: 200 };
        this.calls.push(call);
        const list = this.failures.get(shortName(call.path)) ?? [];
        const at = list.findIndex((f) => f.touser === undefined || f.touser === call.body.touser);
        const failure = at >= 0 ? list.splice(at, 1)[0] : undefined;
        if (failure?.kind === 'drop') {
          // The request arrived (and counts as delivered) but the connection dies before an answer.
          req.socket.destroy();
          return;
        }
        if (failure?.kind === 'http') {
          call.status = failure.status;
          res.writeHead(failure.status, { 'content-type': 'text/html' });
          res.end('<html>bad gateway</html>');
          return;
        }
        const answer = failure ? { errcode: failure.code, errmsg: `scripted failure ${failure.code}` } : this.answer(call);
        call.errcode = answer.errcode;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  private readonly spentCodes = new Set<string>();
  private readonly delivered = new Map<string, number>();

  private answer(call: WecomCall): { errcode: number; errmsg: string; [key: string]: unknown } {
    const name = shortName(call.path);
    if (name === 'gettoken') {
      if (call.query.corpid !== this.creds.corpId) return { errcode: 40013, errmsg: 'invalid corpid' };
      if (call.query.corpsecret !== this.creds.secret) return { errcode: 40001, errmsg: 'invalid credential' };
      this.latestToken = `token-${++this.tokenCount}`;
      this.tokenExpired = false;
      return { errcode: 0, errmsg: 'ok', access_token: this.latestToken, expires_in: 7200 };
    }
    // Robot webhooks and the AI bot's response_url authenticate by their URL, not by access_token.
    if (name === 'webhook/send' || name === 'aibot/response') return { errcode: 0, errmsg: 'ok' };
    if (name !== 'message/send' && name !== 'message/update_template_card' && name !== 'user/get') return { errcode: 404, errmsg: `unknown api ${name}` };
    const token = call.query.access_token;
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    if (token !== this.latestToken) return { errcode: 40014, errmsg: 'invalid access_token' };
    if (this.tokenExpired) return { errcode: 42001, errmsg: 'access_token expired' };
    if (name === 'user/get') {
      // An app with contact permission gets the name; a newer app without it gets no name (wecom.md).
      const userid = String(call.query.userid ?? '');
      const known = this.names.get(userid);
      return known ? { errcode: 0, errmsg: 'ok', userid, name: known } : { errcode: 0, errmsg: 'ok', userid };
    }
    if (name === 'message/update_template_card') {
      // Response codes are single use. (The errcode WeCom gives a spent code is not documented; this fake uses 40058.)
      const code = String(call.body.response_code ?? '');
      if (this.spentCodes.has(code)) return { errcode: 40058, errmsg: 'response_code already used' };
      this.spentCodes.add(code);
      return { errcode: 0, errmsg: 'ok', invaliduser: [] };
    }
    // WeCom's duplicate check: with it on, the same message to the same member within the interval is
    // accepted but not delivered again.
    const { enable_duplicate_check: check, duplicate_check_interval: interval, ...content } = call.body;
    const same = JSON.stringify(content);
    const seenAt = this.delivered.get(same);
    call.delivered = !(check === 1 && seenAt !== undefined && Date.now() - seenAt < Number(interval ?? 1800) * 1000);
    if (call.delivered) this.delivered.set(same, Date.now());
    const n = ++this.sendCount;
    return { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${n}`, response_code: `rc-${n}` };
  }

  /** Answer the next `times` calls to `name` (e.g. 'message/send', 'gettoken') with `errcode`. */
  failNext(name: string, errcode: number, times = 1, touser?: string): void {
    this.script(name, { kind: 'errcode', code: errcode, touser }, times);
  }

  /** Answer the next `times` calls to `name` with an HTTP error status and an HTML body. */
  /** The next call is received, then its connection is cut without an answer. */
  dropNext(name: string, times = 1): void {
    this.script(name, { kind: 'drop' }, times);
  }

  httpFailNext(name: string, status: number, times = 1, touser?: string): void {
    this.script(name, { kind: 'http', status, touser }, times);
  }

  /** The current token expires: the next business call gets 42001 until gettoken is called again. */
  expireTokens(): void {
    this.tokenExpired = true;
  }

  /** Webhook URL for a robot key. */
  webhookUrl(key = 'test-robot-key'): string {
    return `${this.url}/cgi-bin/webhook/send?key=${key}`;
  }

  /** An AI-bot response_url as WeCom hands it out (single use in reality; not enforced here). */
  responseUrl(code = 'resp-1'): string {
    return `${this.url}/cgi-bin/aibot/response?response_code=${code}`;
  }

  /** Calls to one API, by the part of the path after `/cgi-bin/`. */
  called(name: string): WecomCall[] {
    return this.calls.filter((c) => shortName(c.path) === name);
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
    this.tokenCount = 0;
    this.latestToken = undefined;
    this.tokenExpired = false;
    this.sendCount = 0;
  }

  async waitFor(pred: () => boolean, timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out waiting for the fake WeCom API');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private script(name: string, failure: Failure, times: number): void {
    const list = this.failures.get(name) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(name, list);
  }
}

function shortName(path: string): string {
  return path.replace(/^\/cgi-bin\//, '');
}
