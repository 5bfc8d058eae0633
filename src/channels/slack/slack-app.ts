import { App, ExpressReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Router } from 'express';
import type { Config, Locale } from '../../config';
import type { Logger } from '../../platform/logger';
import type { BotRequest } from '../../dispatcher/types';
import type { Card, Reply } from '../../platform/cards/card';
import { t } from '../../platform/i18n';
import { ACTIONS, LEAD_SEARCH_ACTION, SHORTCUTS, SLASH_COMMANDS } from '../../dispatcher/constants';

// Every card button: a registered action id, with the ":<index>" suffix that keeps ids unique in a message.
const CARD_ACTION = new RegExp(`^(${Object.values(ACTIONS).join('|')})(:\\d+)?$`);
import { renderMessage, renderModal } from './render-slack';
import {
  fromBlockAction,
  fromMessageShortcut,
  fromOptionsRequest,
  fromSlashCommand,
  fromViewSubmission,
  type BlockActionBody,
  type MessageShortcutBody,
  type OptionsBody,
  type SlashCommandBody,
  type ViewSubmissionBody,
} from './to-bot-request';
import { deliverSlackReply } from './slack-reply';
import type { CopyStore } from '../../platform/copies/copies';
import type { PostQueue } from '../../platform/outbox/messenger';
import type { MemberDirectory } from '../../platform/directory';
import { slackDirectory } from './slack-directory';

export type Dispatch = (req: BotRequest) => Promise<Reply>;

/** How long a listener waits for the answer before acknowledging and answering later (Slack allows 3 s). */
const ACK_BUDGET_MS = 2200;

function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

function formErrorsCard(errors: Record<string, string>, locale: Locale = 'en'): Card {
  return { tone: 'error', title: t(locale, 'form.not_saved'), lines: Object.values(errors).map((e) => `• ${e}`) };
}

/** Resolves with the reply if it is ready within the budget, otherwise with null (the work goes on). */
async function withinBudget(work: Promise<Reply>): Promise<Reply | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ACK_BUDGET_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface SlackAdapter {
  app: App;
  /** Express router serving POST /slack/events (HTTP mode only). */
  router?: Router;
  /** Members' real names (users.info), for the dispatcher. */
  directory: MemberDirectory;
}

/** What every listener needs: the dispatcher, the shutdown tracker, and the side-post delivery. */
interface Listening {
  dispatch: Dispatch;
  track: <T>(work: Promise<T>) => Promise<T>;
  deliver: (client: App['client'], r: Reply) => Promise<void>;
}

/**
 * Bolt wiring. Listeners only translate: ack inside Slack's deadline, map the payload to a neutral
 * request, dispatch, render, send.
 */
export function createSlackAdapter(
  config: Config,
  logger: Logger,
  dispatch: Dispatch,
  copies: CopyStore,
  posts: PostQueue,
  track: <T>(work: Promise<T>) => Promise<T> = (w) => w,
): SlackAdapter {
  const { app, receiver } = createBoltApp(config, logger);
  const log = logger.child({ component: 'slack' });
  const deps = { copies, posts, logger: log, defaultLocale: config.DEFAULT_LOCALE };
  const l: Listening = { dispatch, track, deliver: (client, r) => deliverSlackReply(client, r, deps) };
  listenToCommands(app, l);
  listenToButtons(app, l);
  listenToForms(app, l);
  listenToShortcuts(app, l);
  listenToLeadSearch(app, dispatch);
  app.error(async (err) => {
    log.error({ err }, 'slack listener failed');
  });
  return { app, router: receiver?.router, directory: slackDirectory(app.client, log) };
}

/** Socket Mode when only an app token is set; otherwise HTTP with signed requests on /slack/events. */
function createBoltApp(config: Config, logger: Logger): { app: App; receiver?: ExpressReceiver } {
  const clientOptions = { slackApiUrl: config.SLACK_API_URL, retryConfig: { retries: 2, factor: 1, minTimeout: 200, maxTimeout: 1000 } };
  if (Boolean(config.SLACK_APP_TOKEN) && !config.SLACK_SIGNING_SECRET) {
    return { app: new App({ token: config.SLACK_BOT_TOKEN, appToken: config.SLACK_APP_TOKEN, socketMode: true, logger: boltLogger(logger), clientOptions }) };
  }
  const receiver = new ExpressReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, endpoints: '/slack/events', logger: boltLogger(logger) });
  return { app: new App({ token: config.SLACK_BOT_TOKEN, receiver, logger: boltLogger(logger), clientOptions }), receiver };
}

/** A slash command: answered in the ack when ready within the budget, else through respond. */
function listenToCommands(app: App, l: Listening): void {
  const commandPattern = new RegExp(`^(${SLASH_COMMANDS.map((c) => c.replace('/', '\\/')).join('|')})$`);
  app.command(commandPattern, ({ command, ack, respond, client }) => l.track((async () => {
    const work = l.dispatch(fromSlashCommand(command as unknown as SlashCommandBody));
    const ready = await withinBudget(work);
    if (ready && !ready.form) {
      await ack({ response_type: ready.public ? 'in_channel' : 'ephemeral', ...renderMessage(ready) });
    } else {
      await ack();
    }
    const r = ready ?? (await work);
    if (r.form) {
      await client.views.open({ trigger_id: command.trigger_id, view: renderModal(r.form) as never });
    } else if (!ready) {
      await respond({ response_type: r.public ? 'in_channel' : 'ephemeral', ...renderMessage(r) });
    }
    await l.deliver(client, r);
  })()));
}

function listenToButtons(app: App, l: Listening): void {
  app.action(CARD_ACTION, ({ body, ack, respond, client }) => l.track((async () => {
    await ack();
    const b = body as unknown as BlockActionBody & { trigger_id: string };
    const r = await l.dispatch(fromBlockAction(b));
    if (r.form) await client.views.open({ trigger_id: b.trigger_id, view: renderModal(r.form) as never });
    if (r.cards.length) await respond({ replace_original: Boolean(r.replaceOriginal), response_type: 'ephemeral', ...renderMessage(r) });
    await l.deliver(client, r);
  })()));
}

/** A modal submitted: field problems keep it open; otherwise it closes and the result goes by DM. */
function listenToForms(app: App, l: Listening): void {
  app.view(/_form$/, ({ body, ack, client }) => l.track((async () => {
    const work = l.dispatch(fromViewSubmission(body as unknown as ViewSubmissionBody));
    const ready = await withinBudget(work);
    if (ready?.formErrors) {
      await ack({ response_action: 'errors', errors: ready.formErrors });
      return;
    }
    await ack();
    const r = ready ?? (await work);
    // A modal has no conversation to answer in: the result goes to the user's DM with the app. Field
    // problems found after the modal closed (a slow database) go there too, so they are not lost.
    const cards = r.formErrors ? [formErrorsCard(r.formErrors, r.locale)] : r.cards;
    if (cards.length) await client.chat.postMessage({ channel: body.user.id, ...renderMessage({ ...r, cards }) });
    await l.deliver(client, r);
  })()));
}

function listenToShortcuts(app: App, l: Listening): void {
  const shortcutIds = new RegExp(`^(${Object.values(SHORTCUTS).join('|')})$`);
  app.shortcut({ callback_id: shortcutIds, type: 'message_action' }, ({ shortcut, ack, client }) => l.track((async () => {
    await ack();
    const r = await l.dispatch(fromMessageShortcut(shortcut as unknown as MessageShortcutBody));
    if (r.form) await client.views.open({ trigger_id: shortcut.trigger_id, view: renderModal(r.form) as never });
    else if (r.cards.length) await client.chat.postMessage({ channel: shortcut.user.id, ...renderMessage(r) });
  })()));
}

/** Search as you type in a lead field: Slack asks for options while the user types (3 s deadline). */
function listenToLeadSearch(app: App, dispatch: Dispatch): void {
  app.options({ action_id: LEAD_SEARCH_ACTION }, async ({ body, ack }) => {
    const r = await withinBudget(dispatch(fromOptionsRequest(body as unknown as OptionsBody)));
    const options = (r?.options ?? []).map((o) => ({ text: { type: 'plain_text' as const, text: o.label }, value: o.value }));
    // Bolt's ack type is the union of every options surface; this is the Block Kit one.
    await (ack as (body: { options: typeof options }) => Promise<void>)({ options });
  });
}
