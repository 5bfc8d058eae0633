import express, { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Config, Locale } from '../../config';
import type { Logger } from '../../platform/logger';
import type { BotRequest } from '../../dispatcher/types';
import { DEMO_MEMBERS, type DemoMember } from '../../dispatcher/demo';
import { isLocale, t, type MessageKey } from '../../platform/i18n';
import type { Reply } from '../../platform/cards/card';
import { langCookieFor, LANG_COOKIE, readCookie, tokenGuard } from './sandbox-auth';
import { SANDBOX_CLIENT_JS } from './sandbox-client';
import { paneId, parsePaneId, SandboxFeed } from './sandbox-feed';
import { deliverSandboxReply, type Delivery } from './sandbox-reply';
import { renderMessageHtml, renderPage } from './sandbox-page';
import { actionBody, cancelBody, commandBody, formBody, fromAction, fromForm, fromSuggest, fromText, jobBody, suggestBody } from './to-bot-request';

export type Dispatch = (req: BotRequest) => Promise<Reply>;

export interface SandboxDeps {
  config: Config;
  logger: Logger;
  dispatch: Dispatch;
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** Where replies and queued messages appear (shared with the outbox's SandboxSender). */
  feed?: SandboxFeed;
  /** The scheduled jobs, for the "Run now" buttons. */
  jobs?: SandboxJobs;
}

export interface SandboxJobs {
  names: readonly string[];
  runNow(name: string): Promise<{ queued: number; sent: number }>;
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** What the sandbox's routes share: the feed and its version, who is asking, and in which language. */
interface SandboxCtx {
  deps: SandboxDeps;
  log: Logger;
  track: <T>(work: Promise<T>) => Promise<T>;
  feed: SandboxFeed;
  members: DemoMember[];
  version: () => string;
  /** The member a page or feed request is for (`?as=`), else the first demo member. */
  memberOf: (req: Request) => DemoMember;
  localeOf: (req: Request, member?: DemoMember) => Locale;
}

/**
 * The local web sandbox: a chat-like page where anyone can act as any demo member. Like the Slack
 * and WeCom adapters it only translates: page request -> neutral request -> dispatch -> show the reply.
 */
export function createSandboxRouter(deps: SandboxDeps): Router {
  const { config } = deps;
  const ctx = sandboxContext(deps);
  const guard = tokenGuard(config.SANDBOX_TOKEN, ctx.localeOf);
  const router = Router();
  // The query (`?as=`) goes along: a link to the sandbox as someone still opens it as them.
  router.get('/', guard, (req, res) => res.redirect(302, `/sandbox${new URL(req.originalUrl, 'http://sandbox.invalid').search}`));
  const sandbox = Router();
  sandbox.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  sandbox.use(guard);
  mountPage(sandbox, ctx);
  mountFeed(sandbox, ctx);
  mountConversation(sandbox, ctx);
  mountJobs(sandbox, ctx);
  router.use('/sandbox', sandbox);
  ctx.log.info({ port: config.PORT, token: Boolean(config.SANDBOX_TOKEN) }, `sandbox on: open http://localhost:${config.PORT}/`);
  return router;
}

function sandboxContext(deps: SandboxDeps): SandboxCtx {
  const feed = deps.feed ?? new SandboxFeed();
  // Part of the feed version, so a page left open across a restart reloads everything.
  const instance = randomBytes(4).toString('hex');
  const members = DEMO_MEMBERS;
  return {
    deps,
    log: deps.logger.child({ component: 'sandbox' }),
    track: deps.track ?? ((w) => w),
    feed,
    members,
    version: () => `${instance}.${feed.version}`,
    memberOf: (req) => members.find((m) => m.id === req.query.as) ?? members[0],
    // The page speaks the chosen member's language: what the page last saw them read, else their
    // demo default; the browser-wide cookie only for a page not about a member (a refusal).
    localeOf: (req, member) => {
      const l = member ? (readCookie(req.headers.cookie, langCookieFor(member.id)) ?? member.locale) : readCookie(req.headers.cookie, LANG_COOKIE);
      return l && isLocale(l) ? l : deps.config.DEFAULT_LOCALE;
    },
  };
}

/** The parsed body and its member, or null after answering 400. */
function parse<S extends z.ZodType<{ as: string }>>(ctx: SandboxCtx, schema: S, req: Request, res: Response): { body: z.infer<S>; member: DemoMember } | null {
  const r = schema.safeParse(req.body);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    res.status(400).json({ error: t(ctx.localeOf(req), 'sandbox.error.request', { detail }) });
    return null;
  }
  const member = ctx.members.find((m) => m.id === r.data.as);
  if (!member) {
    res.status(400).json({ error: t(ctx.localeOf(req), 'sandbox.error.member', { id: r.data.as.slice(0, 64) }) });
    return null;
  }
  return { body: r.data, member };
}

async function run(ctx: SandboxCtx, res: Response, request: BotRequest, d: Delivery): Promise<void> {
  const reply = await ctx.track(ctx.deps.dispatch(request));
  deliverSandboxReply(ctx.feed, reply, d);
  res.json({ version: ctx.version(), reply });
}

function mountPage(sandbox: Router, ctx: SandboxCtx): void {
  sandbox.get('/', (req, res) => {
    const member = ctx.memberOf(req);
    res.type('html').send(renderPage({ locale: ctx.localeOf(req, member), members: ctx.members, as: member.id, jobs: ctx.deps.jobs?.names }));
  });
  sandbox.get('/app.js', (_req, res) => {
    res.type('application/javascript').send(SANDBOX_CLIENT_JS);
  });
}

/** The panes the member sees: their chat, then direct messages in member order, then channels. */
function mountFeed(sandbox: Router, ctx: SandboxCtx): void {
  const { feed, members } = ctx;
  sandbox.get('/api/feed', (req, res) => {
    const member = ctx.memberOf(req);
    if (req.query.since === ctx.version()) {
      res.json({ version: ctx.version(), unchanged: true });
      return;
    }
    const locale = ctx.localeOf(req, member);
    const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
    const order = (p: string) => {
      const i = members.findIndex((m) => m.id === parsePaneId(p).id);
      return i < 0 ? members.length : i;
    };
    const chat = paneId('chat', member.id);
    const ids = [chat, ...feed.paneIds('dm').sort((a, b) => order(a) - order(b)), ...feed.paneIds('channel').sort()];
    const titles = { chat: () => t(locale, 'sandbox.chat.title', { name: member.name }), dm: (id: string) => t(locale, 'sandbox.dms.to', { name: nameOf(id) }), channel: (id: string) => `#${id}` };
    const panes = ids.map((pane) => {
      const { kind, id } = parsePaneId(pane);
      const messages = feed.pane(pane).map((m) => ({ id: m.id, rev: m.rev, html: renderMessageHtml(m, locale, members) }));
      return { id: pane, kind, title: titles[kind](id), messages };
    });
    res.json({ version: ctx.version(), panes });
  });
}

/** What a member does in the conversation: type a command, click a button, fill or cancel a form, search. */
function mountConversation(sandbox: Router, ctx: SandboxCtx): void {
  const json = express.json({ limit: '256kb' });
  sandbox.post('/api/command', json, async (req, res) => {
    const p = parse(ctx, commandBody, req, res);
    if (!p) return;
    ctx.feed.add(paneId('chat', p.member.id), { from: 'member', author: p.member.id, text: p.body.text, cards: [] });
    await run(ctx, res, fromText(p.member, p.body.text), { as: p.member.id });
  });
  sandbox.post('/api/action', json, async (req, res) => {
    const p = parse(ctx, actionBody, req, res);
    if (!p) return;
    await run(ctx, res, fromAction(p.member, p.body.actionId, p.body.value), { as: p.member.id, clicked: p.body.messageId });
  });
  sandbox.post('/api/form', json, async (req, res) => {
    const p = parse(ctx, formBody, req, res);
    if (!p) return;
    const { formId, values, metadata, messageId } = p.body;
    await run(ctx, res, fromForm(p.member, formId, values, metadata), { as: p.member.id, form: messageId ? { messageId, values } : undefined });
  });
  sandbox.post('/api/form/cancel', json, (req, res) => {
    const p = parse(ctx, cancelBody, req, res);
    if (!p) return;
    if (ctx.feed.get(p.body.messageId)?.form) ctx.feed.remove(p.body.messageId);
    res.json({ version: ctx.version() });
  });
  sandbox.post('/api/suggest', json, async (req, res) => {
    const p = parse(ctx, suggestBody, req, res);
    if (!p) return;
    const reply = await ctx.track(ctx.deps.dispatch(fromSuggest(p.member, p.body.field, p.body.query)));
    res.json({ options: reply.options ?? [] });
  });
}

/** "Run now": one job at once, so a digest or a nudge can be seen without waiting for its time. */
function mountJobs(sandbox: Router, ctx: SandboxCtx): void {
  sandbox.post('/api/jobs/:name', express.json({ limit: '256kb' }), async (req, res) => {
    const name = String(req.params.name);
    const jobs = ctx.deps.jobs;
    const asked = ctx.members.find((m) => m.id === (req.body as { as?: unknown } | undefined)?.as);
    const locale = ctx.localeOf(req, asked);
    if (!jobs || !jobs.names.includes(name)) {
      res.status(400).json({ error: t(locale, 'sandbox.jobs.unknown', { job: name.slice(0, 40) }) });
      return;
    }
    if (!parse(ctx, jobBody, req, res)) return;
    const job = t(locale, `sandbox.jobs.${name}` as MessageKey);
    try {
      const { queued, sent } = await ctx.track(jobs.runNow(name));
      res.json({ version: ctx.version(), message: t(locale, 'sandbox.jobs.done', { job, queued, sent }) });
    } catch (err) {
      ctx.log.error({ err, job: name }, 'Run now failed');
      res.status(500).json({ error: t(locale, 'sandbox.jobs.failed', { job }) });
    }
  });
}
