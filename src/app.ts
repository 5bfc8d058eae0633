import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import { requestContext, type Logger } from './platform/logger';
import { pingDb } from './platform/db/connection';
import { dispatch, type DispatchDeps } from './dispatcher/dispatch';
import { createSlackAdapter, type SlackAdapter } from './channels/slack/slack-app';
import { InFlight } from './platform/inflight';
import { createWecomRouter } from './channels/wecom/wecom-router';
import { receiptsRepo } from './platform/receipts/receipts.repo';
import { auditWriter } from './platform/audit/audit-writer';
import { messageCopiesRepo } from './platform/copies/message-copies.repo';
import { createSandboxRouter } from './channels/sandbox/sandbox-router';
import { SandboxFeed } from './channels/sandbox/sandbox-feed';
import { SandboxSender } from './channels/sandbox/sandbox-sender';
import { SlackSender } from './channels/slack/slack-sender';
import { WecomSender } from './channels/wecom/wecom-sender';
import { WecomClient } from './channels/wecom/wecom-client';
import { wecomDirectory } from './channels/wecom/wecom-directory';
import type { Messenger } from './platform/outbox/messenger';
import { createJobs, createOutboxSender, JOB_NAMES, type JobName, type Jobs } from './dispatcher/agenda';
import type { OutboxSender } from './platform/outbox/outbox-sender';
import { createPostQueue } from './platform/outbox/post-queue';
import { errorHandler, notFound, requestIdOf } from './platform/http-errors';
import { slackRequestGuard } from './channels/slack/verify-request';
import { registerAllMessages } from './messages';

// Loading the app registers every message catalogue, so whatever builds it (main, a job, a test) has them.
registerAllMessages();

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** Test clock; defaults to the wall clock. */
  now?: () => Date;
  /** A preconfigured WeCom client (tests inject one with a fake clock). */
  wecomClient?: WecomClient;
  /** The database the scheduled jobs use (Agenda opens its own connection); no jobs without it. */
  mongoUri?: string;
  /** How long the WeCom bot callback waits for an answer (tests shorten it to take the slow path). */
  wecomBotBudgetMs?: number;
}

export interface CreatedApp {
  app: Express;
  slack?: SlackAdapter;
  /** Requests acknowledged but still being worked on (shutdown drains them). */
  inflight: InFlight;
  /** The outbox sender: tries each queued message at once; its polling (retries) starts in main. */
  outbox: OutboxSender;
  /** The scheduled jobs, built but not started (main starts them); none when JOBS_ENABLED=false. */
  jobs?: Jobs;
}

/** One access line per request, under the request id every answer (and error) carries. */
function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    // Log the path only, never the query or headers: they may carry the sandbox token or its cookie.
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || Boolean(req.url?.startsWith('/sandbox/api/feed')) },
  });
}

/** Builds the HTTP app (health, Slack); never listens, so tests can mount it on any port. */
export function createApp(deps: AppDeps): CreatedApp {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(logger));
  app.use((req, _res, next) => requestContext.run(String(req.id), next));
  mountHealth(app);
  auditWriter.useLogger(logger.child({ component: 'audit' }));
  const inflight = new InFlight();
  // One WeCom client for replies and queued messages, so its per-member pacing covers both.
  const wecomClient =
    deps.wecomClient ??
    (config.wecomEnabled
      ? new WecomClient({ baseUrl: config.WECOM_API_BASE_URL, corpId: config.WECOM_CORP_ID!, secret: config.WECOM_SECRET!, agentId: config.WECOM_AGENT_ID!, logger })
      : undefined);
  const feed = config.sandboxEnabled ? new SandboxFeed() : undefined;
  const outbox = createOutboxSender(config, logger, createSenders(config, logger, wecomClient, feed), messageCopiesRepo);
  const jobs = config.JOBS_ENABLED && deps.mongoUri ? createJobs({ config, logger, mongoUri: deps.mongoUri, sender: outbox }) : undefined;
  const slack = mountChannels(app, { deps, inflight, outbox, wecomClient, feed, jobs });
  // Last: a short JSON error with the request id for unknown routes and every error, never a stack trace.
  app.use(notFound);
  app.use(errorHandler(logger));
  return { app, slack, inflight, jobs, outbox };
}

function mountHealth(app: Express): void {
  app.get('/healthz', (_req, res) => {
    // Audit events handed over but not written yet (the writer retries them; see audit-writer.ts).
    res.json({ status: 'ok', auditPending: auditWriter.pending });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await pingDb();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unavailable' });
  });
}

/** Every message besides the answer to the person who acted goes through the outbox: one sender per platform. */
function createSenders(config: Config, logger: Logger, wecomClient: WecomClient | undefined, feed: SandboxFeed | undefined): Partial<Record<string, Messenger>> {
  const messengers: Partial<Record<string, Messenger>> = {};
  if (config.slackEnabled) messengers.slack = new SlackSender(config);
  if (config.wecomEnabled || config.wecomBotEnabled) messengers.wecom = new WecomSender(wecomClient, logger);
  if (feed) messengers.sandbox = new SandboxSender(feed);
  return messengers;
}

interface Channels {
  deps: AppDeps;
  inflight: InFlight;
  outbox: OutboxSender;
  wecomClient?: WecomClient;
  feed?: SandboxFeed;
  jobs?: Jobs;
}

/** Slack, WeCom and the sandbox, each when configured, all dispatching to the same commands. */
function mountChannels(app: Express, c: Channels): SlackAdapter | undefined {
  const { config, logger } = c.deps;
  const posts = createPostQueue(c.outbox, logger);
  const track = <T>(work: Promise<T>) => c.inflight.track(work);
  // Filled in below as each platform's adapter is built; the dispatcher asks them for real names.
  const directories: NonNullable<DispatchDeps['directories']> = {};
  if (c.wecomClient && config.wecomEnabled) directories.wecom = wecomDirectory(c.wecomClient, logger);
  const run = (req: Parameters<typeof dispatch>[0]) => dispatch(req, { config, logger, now: c.deps.now, directories });
  let slack: SlackAdapter | undefined;
  if (config.slackEnabled) {
    slack = createSlackAdapter(config, logger, run, messageCopiesRepo, posts, track);
    // The guard checks the signature (both ways in time) and the payload's shape, then hands Bolt the
    // raw body it read; no other body parser may run before Bolt.
    if (slack.router) {
      app.use(slackRequestGuard({ signingSecret: config.SLACK_SIGNING_SECRET!, logger }));
      app.use(slack.router);
    }
    directories.slack = slack.directory;
  }
  if (config.wecomEnabled || config.wecomBotEnabled) {
    app.use(
      createWecomRouter({ config, logger, dispatch: run, firstTime: receiptsRepo.firstTime, track, copies: messageCopiesRepo, posts, client: c.wecomClient, botBudgetMs: c.deps.wecomBotBudgetMs }),
    );
  }
  // The local web sandbox: on by default when no platform is configured.
  if (config.sandboxEnabled) {
    const jobs = c.jobs;
    // Run now covers the sandbox's own workspace only: never real Slack or WeCom members.
    const sandboxJobs = jobs && { names: JOB_NAMES, runNow: (name: string) => jobs.runNow(name as JobName, new Date(), { platform: 'sandbox' }) };
    app.use(createSandboxRouter({ config, logger, dispatch: run, track, feed: c.feed, jobs: sandboxJobs }));
  }
  return slack;
}
