import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Logger } from '../../platform/logger';
import { Pacer } from './pacer';

// WeCom's documented numbers: access tokens, rate limits (45009), error codes and the duplicate check.
const TOKEN_MARGIN_MS = 5 * 60_000; // refresh 5 min before expires_in
const CONFIG_COOLDOWN_MS = 10 * 60_000; // repeated bad-secret gettoken calls get our IP banned for 1 h
const MAX_RETRIES = 3;
const RATE_LIMITED_WAIT_MS = 60_000; // a 45009 block lasts as long as the (minute) window
const BACKOFF_BASE_MS = 1_000; // -1, 5xx, network: 1 s, 2 s, 4 s
export const HTTP_TIMEOUT_MS = 10_000;
export const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DUPLICATE_CHECK_SECONDS = 4 * 3600; // WeCom's maximum
const CONFIG_ERRCODES = new Set([40001, 40013, 60020]); // bad secret, bad corpid, IP not trusted
const TOKEN_ERRCODES = new Set([40014, 42001]); // invalid / expired access_token

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WecomClientOptions {
  baseUrl: string;
  corpId: string;
  secret: string;
  agentId: number;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  perMinute?: number;
  perHour?: number;
}

export type WecomMessage =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: Record<string, unknown> };

export class WecomApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly api = '',
  ) {
    super(`WeCom ${api || 'API'} failed: errcode ${errcode} (${errmsg})`);
    this.name = 'WecomApiError';
  }
}

/**
 * WeCom rejected our credentials or IP (40001, 40013, 60020 from gettoken; 60020, or 40001 after a fresh
 * token, from any other call): fix the configuration. No call is made until the cool-down ends.
 */
export class WecomConfigError extends WecomApiError {
  override name = 'WecomConfigError';
}

/**
 * WeCom could not be reached or answered without an errcode (network error, HTTP 5xx) even after
 * retries. errcode is -1 ("system busy"), which is what it means for a caller: try again later.
 */
export class WecomNetworkError extends WecomApiError {
  override name = 'WecomNetworkError';

  /** False when the request certainly never reached WeCom (no connection, or no token to send it with). */
  get maybeSent(): boolean {
    return this.api !== 'gettoken' && !NOT_SENT.has(this.errmsg);
  }
}

interface WecomReply {
  errcode: number;
  errmsg: string;
  [key: string]: unknown;
}

export interface RetryDeps {
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
}

type Outcome = { reply: WecomReply } | { problem: string; retryable: boolean };

// Network failures where the request certainly never reached WeCom; anything else (a timeout, a reset
// connection) may have been delivered, so a message is not sent again after it.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

async function attemptOnce(attempt: () => Promise<AxiosResponse<unknown>>, repeatable: boolean): Promise<Outcome> {
  let res: AxiosResponse<unknown>;
  try {
    res = await attempt();
  } catch (err) {
    // Only the code or message: an axios error carries the URL, which holds the token or webhook key.
    const problem = axios.isAxiosError(err) ? (err.code ?? err.message) : String(err);
    return { problem, retryable: repeatable || NOT_SENT.has(problem) };
  }
  const data = res.data as Partial<WecomReply> | undefined;
  if (res.status < 500 && typeof data?.errcode === 'number') {
    return { reply: { ...data, errcode: data.errcode, errmsg: String(data.errmsg ?? '') } };
  }
  // A 5xx from a gateway may come after WeCom took the message: repeated only when that is safe.
  return { problem: `HTTP ${res.status} without an errcode`, retryable: res.status >= 500 && repeatable };
}

/**
 * Sends one request, retrying what WeCom says is temporary: 45009 (rate limited) after ~1 min; -1
 * (busy), 5xx and network errors with exponential backoff; at most 3 retries. WeCom answers HTTP 200
 * even for errors, so the errcode decides. Returns the last reply, whatever its errcode.
 */
export async function callWithRetry(api: string, attempt: () => Promise<AxiosResponse<unknown>>, deps: RetryDeps, repeatable = true): Promise<WecomReply> {
  for (let retry = 0; ; retry++) {
    const outcome = await attemptOnce(attempt, repeatable);
    let waitMs: number | undefined;
    if ('reply' in outcome) {
      if (outcome.reply.errcode === 45009) waitMs = RATE_LIMITED_WAIT_MS;
      else if (outcome.reply.errcode === -1) waitMs = BACKOFF_BASE_MS * 2 ** retry;
    } else if (outcome.retryable) {
      waitMs = BACKOFF_BASE_MS * 2 ** retry;
    }
    if (waitMs === undefined || retry >= MAX_RETRIES) {
      if ('reply' in outcome) return outcome.reply;
      throw new WecomNetworkError(-1, outcome.problem, api);
    }
    const errcode = 'reply' in outcome ? outcome.reply.errcode : undefined;
    const problem = 'problem' in outcome ? outcome.problem : outcome.reply.errmsg;
    deps.logger.warn({ api, errcode, problem, retry: retry + 1, waitMs }, 'WeCom call failed; retrying');
    await deps.sleep(waitMs);
  }
}

// A message WeCom refused with an errcode (or that never left, as during a config cool-down) was not
// delivered and should not use up the member's quota; a network failure may have been delivered.
export const mayHaveBeenDelivered = (err: unknown) => !(err instanceof WecomApiError) || err instanceof WecomNetworkError;

const optionalString = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Client for a self-built WeCom app: token cache, retries, and per-member pacing of message/send. */
export class WecomClient {
  private readonly http: AxiosInstance;
  private readonly now: () => number;
  private readonly deps: RetryDeps;
  private readonly pacer: Pacer;
  private token?: { value: string; expiresAt: number };
  private tokenInFlight?: Promise<string>;
  private configError?: { error: WecomConfigError; until: number };

  constructor(private readonly opts: WecomClientOptions) {
    this.http = axios.create({ baseURL: opts.baseUrl, timeout: HTTP_TIMEOUT_MS, validateStatus: () => true });
    this.now = opts.now ?? Date.now;
    this.deps = { logger: opts.logger, sleep: opts.sleep ?? realSleep };
    this.pacer = new Pacer({
      now: this.now,
      sleep: this.deps.sleep,
      windows: [
        { limit: opts.perMinute ?? 30, ms: MINUTE_MS },
        { limit: opts.perHour ?? 1000, ms: HOUR_MS },
      ],
      countsFailure: mayHaveBeenDelivered,
    });
  }

  /** The cached access_token; concurrent callers share one gettoken request. */
  async getToken(): Promise<string> {
    const now = this.now();
    if (this.configError && now < this.configError.until) throw this.configError.error;
    if (this.token && now < this.token.expiresAt) return this.token.value;
    this.tokenInFlight ??= this.fetchToken().finally(() => (this.tokenInFlight = undefined));
    return this.tokenInFlight;
  }

  /**
   * Queues a message to one member. Resolves once WeCom accepted it; sends are spaced so the member
   * never exceeds perMinute / perHour (WeCom would drop the excess silently), in call order.
   */
  sendMessage(toUser: string, message: WecomMessage, opts: { duplicateCheck?: boolean } = {}): Promise<{ msgid?: string; responseCode?: string }> {
    // With WeCom's duplicate check on, an identical request within 4 hours is not delivered twice, so
    // the call may be repeated after a failure that may have reached WeCom.
    const dedupe = opts.duplicateCheck ? { enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SECONDS } : { enable_duplicate_check: 0 };
    const body = { touser: toUser, agentid: this.opts.agentId, ...message, ...dedupe };
    return this.pacer.schedule(toUser, async () => {
      const reply = await this.post('message/send', body, Boolean(opts.duplicateCheck));
      if (optionalString(reply.invaliduser)) {
        this.opts.logger.warn({ invaliduser: reply.invaliduser }, 'WeCom skipped recipients outside the app');
      }
      return { msgid: optionalString(reply.msgid), responseCode: optionalString(reply.response_code) };
    });
  }

  /** A member's name from the contact API (user/get); null when the app may not read it (see wecom-directory.ts). */
  async userName(userId: string): Promise<string | null> {
    const token = await this.getToken();
    const reply = await callWithRetry('user/get', () => this.http.get('/cgi-bin/user/get', { params: { access_token: token, userid: userId } }), this.deps);
    const name = reply.errcode === 0 ? optionalString(reply.name) : undefined;
    // Apps created after mid-2022 without contact permission get the user id back as the name, or none.
    return name && name !== userId ? name : null;
  }

  /** Replaces a sent card, or greys out its buttons. Not paced: it edits a message, it sends none. */
  async updateTemplateCard(args: {
    userids: string[];
    responseCode: string;
    templateCard?: Record<string, unknown>;
    button?: { replace_name: string };
  }): Promise<void> {
    if (!args.templateCard === !args.button) throw new Error('updateTemplateCard needs exactly one of templateCard or button');
    await this.post('message/update_template_card', {
      userids: args.userids,
      agentid: this.opts.agentId,
      response_code: args.responseCode,
      ...(args.button ? { button: args.button } : { template_card: args.templateCard }),
    });
  }

  /** Messages accepted by sendMessage and not yet answered by WeCom. */
  pending(): number {
    return this.pacer.pending();
  }

  private async fetchToken(): Promise<string> {
    const params = { corpid: this.opts.corpId, corpsecret: this.opts.secret };
    const reply = await callWithRetry('gettoken', () => this.http.get('/cgi-bin/gettoken', { params }), this.deps);
    if (CONFIG_ERRCODES.has(reply.errcode)) throw this.configFailure('gettoken', reply);
    const value = optionalString(reply.access_token);
    if (reply.errcode !== 0 || !value) throw new WecomApiError(reply.errcode, reply.errmsg, 'gettoken');
    this.configError = undefined;
    const ttlMs = Number(reply.expires_in ?? 7200) * 1000;
    // Half the lifetime for unexpectedly short tokens, so we never refetch on every call.
    this.token = { value, expiresAt: this.now() + Math.max(ttlMs - TOKEN_MARGIN_MS, ttlMs / 2) };
    return value;
  }

  /** Enters the cool-down: every call fails at once with this error until it ends (then one try). */
  private configFailure(api: string, reply: WecomReply): WecomConfigError {
    const error = new WecomConfigError(reply.errcode, reply.errmsg, api);
    this.configError = { error, until: this.now() + CONFIG_COOLDOWN_MS };
    this.token = undefined;
    this.opts.logger.error(
      { api, errcode: reply.errcode, errmsg: reply.errmsg, coolDownMs: CONFIG_COOLDOWN_MS },
      'WeCom configuration error: check WECOM_CORP_ID, WECOM_SECRET and the app trusted IPs; no WeCom call until the cool-down ends',
    );
    return error;
  }

  /**
   * A business call: on 40014/42001 (or 40001, which WeCom also uses for a bad credential) fetch a
   * new token and retry once; 60020 (IP not trusted), or 40001 again with the new token, is a
   * configuration error.
   */
  private async post(api: string, body: Record<string, unknown>, repeatable = false): Promise<WecomReply> {
    for (let refreshed = false; ; refreshed = true) {
      const token = await this.getToken();
      const call = () => this.http.post(`/cgi-bin/${api}`, body, { params: { access_token: token } });
      // Sending a message or spending a single-use response code is not idempotent: never repeat it
      // after a failure that may have reached WeCom.
      const reply = await callWithRetry(api, call, this.deps, repeatable || (api !== 'message/send' && api !== 'message/update_template_card'));
      if (reply.errcode === 60020 || (reply.errcode === 40001 && refreshed)) throw this.configFailure(api, reply);
      if ((TOKEN_ERRCODES.has(reply.errcode) || reply.errcode === 40001) && !refreshed) {
        this.opts.logger.info({ api, errcode: reply.errcode }, 'WeCom rejected the access_token; fetching a new one');
        // Only drop the token we used: a concurrent caller may already have fetched a fresh one.
        if (this.token?.value === token) this.token = undefined;
        continue;
      }
      if (reply.errcode !== 0) throw new WecomApiError(reply.errcode, reply.errmsg, api);
      return reply;
    }
  }
}
