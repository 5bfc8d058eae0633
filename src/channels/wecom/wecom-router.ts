import express, { Router, type Request, type Response } from 'express';
import axios from 'axios';
import { randomBytes } from 'node:crypto';
import type { Config, Locale } from '../../config';
import type { Logger } from '../../platform/logger';
import type { BotRequest } from '../../dispatcher/types';
import type { Reply } from '../../platform/cards/card';
import { renderWecomMarkdown, WECOM_LIMITS, formText } from './render-wecom';
import { WecomCallbackCrypto } from './wecom-crypto';
import { t } from '../../platform/i18n';
import { parseWecomXml, str, type XmlRecord } from './wecom-xml';
import { dedupeKey, fromAppCallback, fromBotMessage, type BotMessage } from './to-bot-request';
import { WecomClient } from './wecom-client';
import { WecomReplier } from './wecom-reply';
import type { CopyStore } from '../../platform/copies/copies';
import type { PostQueue } from '../../platform/outbox/messenger';

export type Dispatch = (req: BotRequest) => Promise<Reply>;

export interface WecomDeps {
  config: Config;
  logger: Logger;
  dispatch: Dispatch;
  /** True the first time a delivery key is seen (durable, so retries after a restart are no-ops too). */
  firstTime: (source: string, key: string) => Promise<boolean>;
  track: <T>(work: Promise<T>) => Promise<T>;
  copies: CopyStore;
  /** The outbox, for direct messages and channel posts. */
  posts: PostQueue;
  client?: WecomClient;
  /** How long the bot callback waits for an answer before replying through response_url (tests shorten it). */
  botBudgetMs?: number;
}

/**
 * Callbacks signed more than a day ago are refused: WeCom retries within minutes, and deliveries are
 * remembered for a week (receipts), so a replay of a captured callback can never run twice.
 */
const CALLBACK_MAX_AGE_MS = 24 * 3_600_000;

/** WeCom allows the bot 5 s to answer in the callback; after this the answer goes through response_url. */
const BOT_BUDGET_MS = 3500;

interface Query {
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

function q(req: Request): Required<Query> {
  const x = req.query as Query;
  return { msg_signature: str(x.msg_signature), timestamp: str(x.timestamp), nonce: str(x.nonce), echostr: str(x.echostr) };
}

/** URL verification: check the signature over echostr, decrypt, answer the plaintext (within 1 s). */
function verifyUrl(crypto: WecomCallbackCrypto, log: Logger) {
  return (req: Request, res: Response) => {
    const { msg_signature, timestamp, nonce, echostr } = q(req);
    try {
      res.type('text/plain').send(crypto.open(msg_signature, timestamp, nonce, echostr));
    } catch (err) {
      log.warn({ err }, 'WeCom URL verification refused');
      res.status(401).send('');
    }
  };
}

/** What the callbacks share once the router is built. */
interface WecomCtx {
  deps: WecomDeps;
  log: Logger;
  corpId: string;
  locale: Locale;
  client?: WecomClient;
  replier: WecomReplier;
}

/**
 * WeCom's callbacks. Listeners only translate: check and decrypt, acknowledge within WeCom's window,
 * map to a neutral request, dispatch, render, send through the API.
 */
export function createWecomRouter(deps: WecomDeps): Router {
  const { config, logger } = deps;
  const log = logger.child({ component: 'wecom' });
  const router = Router();
  const corpId = config.WECOM_CORP_ID ?? '';
  const locale = config.WECOM_DEFAULT_LOCALE;
  const client = config.wecomEnabled
    ? (deps.client ?? new WecomClient({ baseUrl: config.WECOM_API_BASE_URL, corpId, secret: config.WECOM_SECRET!, agentId: config.WECOM_AGENT_ID!, logger }))
    : undefined;
  const ctx: WecomCtx = { deps, log, corpId, locale, client, replier: new WecomReplier(client, log, locale, deps.copies, deps.posts) };
  if (config.wecomEnabled) mountAppCallback(router, ctx);
  if (config.wecomBotEnabled) mountBotCallback(router, ctx);
  return router;
}

/** The self-built app's callback: verified and decrypted, acknowledged at once, answered through the API. */
function mountAppCallback(router: Router, ctx: WecomCtx): void {
  const { config } = ctx.deps;
  const crypto = new WecomCallbackCrypto(config.WECOM_TOKEN!, config.WECOM_ENCODING_AES_KEY!, ctx.corpId);
  router.get('/wecom/callback', verifyUrl(crypto, ctx.log));
  router.post('/wecom/callback', express.text({ type: () => true, limit: '512kb' }), (req, res) => {
    const { msg_signature, timestamp, nonce } = q(req);
    let message: XmlRecord;
    try {
      const envelope = parseWecomXml(typeof req.body === 'string' ? req.body : '');
      message = parseWecomXml(crypto.open(msg_signature, timestamp, nonce, str(envelope.Encrypt), { maxAgeMs: CALLBACK_MAX_AGE_MS }));
    } catch (err) {
      // Not from WeCom, or tampered with: refuse, store nothing.
      ctx.log.warn({ err }, 'WeCom callback refused');
      res.status(401).send('');
      return;
    }
    // Acknowledge at once (an empty 200), then work and answer through the API.
    res.status(200).send('');
    void ctx.deps.track(answerAppCallback(ctx, message).catch((err) => ctx.log.error({ err }, 'WeCom callback failed')));
  });
}

/** One app callback, once: dispatch it, redraw the clicked card with the click's code, send the rest. */
async function answerAppCallback(ctx: WecomCtx, m: XmlRecord): Promise<void> {
  const { deps, replier, locale } = ctx;
  const key = dedupeKey(m);
  if (!key || !(await deps.firstTime(`wecom-app:${ctx.corpId}`, key))) return;
  const req = fromAppCallback(ctx.corpId, m);
  if (!req) return;
  const user = str(m.FromUserName);
  const reply = await deps.dispatch(req);
  const code = str(m.ResponseCode);
  if (req.kind === 'action' && code && reply.updates?.[0]?.cards[0]) {
    // A ticket card clicked: the clicked card itself shows the new state ("已认领 · 张伟").
    const u = reply.updates[0];
    const updated = await replier.updateClicked(user, code, str(m.TaskId), u.cards[0], u.locale ?? reply.locale ?? locale);
    // When the click's code failed, the card's own copy is redrawn like any other.
    await replier.sendReply(user, reply, updated ? { taskId: str(m.TaskId) } : undefined);
  } else if (req.kind === 'action' && code && reply.replaceOriginal && reply.cards[0]) {
    await replier.updateClicked(user, code, str(m.TaskId), reply.cards[0], reply.locale ?? locale);
    await replier.sendReply(user, { ...reply, cards: reply.cards.slice(1) });
  } else {
    await replier.sendReply(user, reply);
  }
}

/**
 * The group bot's callback: answered in the callback itself when ready within the budget (one
 * finished stream message), otherwise acknowledged and answered once through response_url.
 */
function mountBotCallback(router: Router, ctx: WecomCtx): void {
  const { config } = ctx.deps;
  const botCrypto = new WecomCallbackCrypto(config.WECOM_BOT_TOKEN!, config.WECOM_BOT_ENCODING_AES_KEY!, '');
  router.get('/wecom/bot', verifyUrl(botCrypto, ctx.log));
  router.post('/wecom/bot', express.json({ limit: '512kb' }), async (req, res) => {
    const { msg_signature, timestamp, nonce } = q(req);
    let m: BotMessage;
    try {
      m = JSON.parse(botCrypto.open(msg_signature, timestamp, nonce, str((req.body as { encrypt?: unknown })?.encrypt), { maxAgeMs: CALLBACK_MAX_AGE_MS })) as BotMessage;
    } catch (err) {
      ctx.log.warn({ err }, 'WeCom bot callback refused');
      res.status(401).send('');
      return;
    }
    const request = fromBotMessage(ctx.corpId, m);
    if (!request || !m.msgid) {
      res.status(200).send('');
      return;
    }
    const work = ctx.deps.track(
      (async () => ((await ctx.deps.firstTime(`wecom-bot:${ctx.corpId}`, m.msgid!)) ? ctx.deps.dispatch(request) : null))(),
    );
    const ready = await withinBotBudget(work, ctx.deps.botBudgetMs ?? BOT_BUDGET_MS);
    if (ready === null) {
      res.status(200).send('');
      return;
    }
    if (ready !== 'late') {
      const content = groupContent(ctx, m, request.userId, ready);
      // The bot protocol's passive reply: one finished stream message, encrypted and signed.
      const body = JSON.stringify({ msgtype: 'stream', stream: { id: randomBytes(8).toString('hex'), finish: true, content } });
      const sealed = botCrypto.seal(body, timestamp, nonce);
      res.json({ encrypt: sealed.encrypt, msgsignature: sealed.signature, timestamp: Number(timestamp), nonce });
      return;
    }
    // Too slow for the callback window: answer once through response_url when done.
    res.status(200).send('');
    await answerLate(ctx, m, request.userId, work);
  });
}

/** The reply if ready within the budget; null for a repeat delivery or a failure; 'late' otherwise. */
async function withinBotBudget(work: Promise<Reply | null>, budgetMs: number): Promise<Reply | null | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const ready = await Promise.race([work.catch(() => null), new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), budgetMs)))]);
  clearTimeout(timer);
  return ready;
}

async function answerLate(ctx: WecomCtx, m: BotMessage, userId: string, work: Promise<Reply | null>): Promise<void> {
  const late = await work.catch(() => null);
  if (!late) return;
  const content = groupContent(ctx, m, userId, late);
  if (m.response_url) {
    await axios
      .post(m.response_url, { msgtype: 'markdown', markdown: { content } }, { timeout: 10_000 })
      .catch((err) => ctx.log.error({ err }, 'WeCom bot response_url failed'));
  }
}

/**
 * What the group sees. In a group, an answer meant for the caller alone (their leads, their contacts)
 * goes to them privately through the app when there is one; the group sees a pointer.
 */
function groupContent(ctx: WecomCtx, m: BotMessage, userId: string, reply: Reply): string {
  const { deps, replier, log, locale } = ctx;
  const privately = m.chattype === 'group' && !reply.public && ctx.client !== undefined;
  if (privately) void deps.track(replier.sendReply(userId, reply).catch((err) => log.error({ err }, 'WeCom private reply failed')));
  else void deps.track(replier.deliver(reply));
  return privately ? t(reply.locale ?? locale, 'wecom.replied_privately') : botMarkdown(reply, locale);
}

/** One message: cards are paged well below the bot's 20,480-byte limit, so the first piece is all of it. */
function botMarkdown(reply: Reply, locale: Locale): string {
  const l = reply.locale ?? locale;
  const cards = reply.form ? [...reply.cards, { text: formText(reply.form, l) }] : reply.cards;
  return renderWecomMarkdown(cards, WECOM_LIMITS.botMarkdownBytes, l)[0] ?? '';
}
