import type { Config, Locale } from '../config';
import type { Logger } from '../platform/logger';
import { reply, type Reply } from '../platform/cards/card';
import { refreshName, resolveIdentity, localeOf, makeCtx, crmCommands } from '../modules/workspaces';
import type { MemberDirectory } from '../platform/directory';
import type { Platform, CommandDef } from '../modules/workspaces';
import { AppError, isDbUnavailableError } from '../platform/errors';
import { t, type MessageKey } from '../platform/i18n';
import { extractLeadHints, leadCommands, leadForm, leadEditCommands, crmConfigCommand, leadOptions, errorCard } from '../modules/leads';
import { ACTIONS, MAX_TEXT, SHORTCUTS, SLASH_COMMANDS } from './constants';
import { choicesCard, parseRunCommand } from './choices';
import { closest } from '../platform/suggest';
import { chineseCommandWords } from './typed';
import { splitFirst } from '../platform/args';
import { logCommands, logForm } from '../modules/interactions';
import { ticketCommands, ticketForm } from '../modules/tickets';
import { pipelineCommands } from '../modules/digest';
import { duplicatesCommands, mergeCommands } from '../modules/duplicates';
import { actionHandlers } from './actions';
import { formHandlers } from './forms';
import type { BotRequest, Ctx } from './types';
import { z } from 'zod';

/** Who is asking, checked before resolveIdentity may create a workspace or a member for it. */
const requestOrigin = z.object({ workspaceId: z.string().trim().min(1).max(128), userId: z.string().trim().min(1).max(128) });

/** The one registry: "<command> <subcommand>" -> definition. */
/** `/crm config` is composed by the leads module (a pipeline change moves leads); help lists it after `crm manager`. */
function crmWithConfig(): CommandDef<never>[] {
  const at = crmCommands.findIndex((c) => c.name === 'crm manager') + 1;
  return [...crmCommands.slice(0, at), crmConfigCommand as unknown as CommandDef<never>, ...crmCommands.slice(at)];
}

export const COMMANDS: CommandDef<never>[] = [...leadCommands, ...leadEditCommands, ...mergeCommands, ...logCommands, ...ticketCommands, ...crmWithConfig(), ...duplicatesCommands, ...pipelineCommands];

export interface DispatchDeps {
  config: Pick<Config, 'DEFAULT_LOCALE' | 'WECOM_DEFAULT_LOCALE' | 'DEFAULT_TIMEZONE' | 'DEFAULT_PHONE_REGION'>;
  logger: Logger;
  now?: () => Date;
  /** Each platform's member directory, for real display names (the sandbox's roster already has them). */
  directories?: Partial<Record<Platform, MemberDirectory>>;
}

async function buildCtx(req: BotRequest, deps: DispatchDeps, log: Logger): Promise<Ctx> {
  const { config } = deps;
  const { workspace, member } = await resolveIdentity(req.platform, req.workspaceId, req.workspaceName ?? '', req.userId, req.userName, {
    // WeCom corps mostly read Chinese, Slack workspaces mostly English; both are configurable.
    locale: req.platform === 'wecom' ? config.WECOM_DEFAULT_LOCALE : config.DEFAULT_LOCALE,
    timezone: config.DEFAULT_TIMEZONE,
    phoneRegion: config.DEFAULT_PHONE_REGION,
  }, req.platform === 'sandbox' ? 'platform' : 'handle');
  // Slack's user_name is a handle and WeCom sends only the user id: the real name comes from the directory.
  const actor = { workspace, member, platform: req.platform, locale: config.DEFAULT_LOCALE, now: deps.now ?? (() => new Date()), directory: deps.directories?.[req.platform] };
  actor.member = await refreshName(actor, member);
  const locale = localeOf(actor.member, workspace.settings!.locale, config.DEFAULT_LOCALE);
  return makeCtx({ ...actor, locale }, locale, log);
}

const mayRun = (ctx: Ctx) => (c: CommandDef<never>) => {
  const role = ctx.actor.member.role;
  return (!c.adminOnly || role === 'admin') && (!c.roles || c.roles.includes(role));
};

export function helpReply(ctx: Ctx, only?: string): Reply {
  const lines = COMMANDS.filter(mayRun(ctx)).filter((c) => !only || c.name.split(' ')[0] === only).map((c) => `• ${ctx.t(c.help)}`);
  const cards = [{ title: ctx.t('help.title', { role: ctx.t(`role.${ctx.actor.member.role}`) }), lines: [...lines, `• ${ctx.t('help.help')}`] }];
  // Chinese words are read only where commands are typed as text (WeCom, the sandbox), not in Slack.
  if (!only && ctx.actor.platform !== 'slack') {
    cards.push({ title: ctx.t('help.zh_words'), lines: chineseCommandWords().map(([target, words]) => `• ${words.join('、')} → ${target}`) });
  }
  return reply(cards);
}

/** `/laed add`: the closest command, as a button that runs it; else the plain "unknown command". */
function unknownCommand(ctx: Ctx, base: string, text: string): Reply {
  const near = closest(base, SLASH_COMMANDS.map((c) => c.slice(1)));
  const sub = splitFirst(text)[0];
  const typed = `/${base} ${sub}`.trim().slice(0, 60);
  if (!near) return reply([errorCard(ctx.t('error.unknown_command', { command: typed }))]);
  const suggestion = `/${near} ${sub}`.trim();
  return reply([choicesCard(ctx.t('error.did_you_mean', { command: typed, suggestion }), [{ label: suggestion, command: `/${near}` as (typeof SLASH_COMMANDS)[number], text, primary: true }])]);
}

/** `/lead ad`: the closest subcommand the reader may run, as a button; else what that command can do. */
function unknownSub(ctx: Ctx, base: string, sub: string, rest: string): Reply {
  const subs = COMMANDS.filter(mayRun(ctx)).map((c) => c.name.split(' ')).filter(([b, s]) => b === base && s).map(([, s]) => s);
  const typed = `/${base} ${sub}`.slice(0, 60);
  const near = closest(sub, subs);
  if (!near) {
    const help = helpReply(ctx, base);
    return reply([errorCard(ctx.t('error.unknown_command', { command: typed })), ...help.cards]);
  }
  const suggestion = `/${base} ${near}`;
  const choice = { label: suggestion, command: `/${base}` as (typeof SLASH_COMMANDS)[number], text: `${near} ${rest}`.trim(), primary: true };
  return reply([choicesCard(ctx.t('error.did_you_mean', { command: typed, suggestion }), [choice])]);
}

export async function runCommand(ctx: Ctx, command: string, text: string): Promise<Reply> {
  // Typed text that is not a command (WeCom, sandbox): a short pointer to help.
  if (!command) return reply([errorCard(ctx.t('error.not_a_command'))]);
  const base = command.replace(/^[/／]/, '').toLowerCase();
  if (!SLASH_COMMANDS.some((c) => c === `/${base}`)) return unknownCommand(ctx, base, text);
  const [sub, rest] = splitFirst(text);
  const bare = !sub ? COMMANDS.find((c) => c.name === base && c.runsWithoutArgs) : undefined;
  if (bare) return runDef(ctx, bare, '');
  if (!sub || ['help', '帮助', '?'].includes(sub.toLowerCase())) return helpReply(ctx);
  // "/lead show L-12" names a subcommand; "/log L-12 call …" is one command taking the whole text.
  const subDef = COMMANDS.find((c) => c.name === `${base} ${sub.toLowerCase()}`);
  const def = subDef ?? COMMANDS.find((c) => c.name === base);
  const args = subDef ? rest : text;
  if (!def) return unknownSub(ctx, base, sub, rest);
  return runDef(ctx, def, args);
}

async function runDef(ctx: Ctx, def: CommandDef<never>, args: string): Promise<Reply> {
  if (def.adminOnly && ctx.actor.member.role !== 'admin') return reply([errorCard(ctx.t('error.admin_only'))]);
  const parsed = def.input.safeParse(def.parse(args));
  if (!parsed.success) return reply([errorCard(ctx.t('error.usage', { usage: ctx.t(def.help) }))]);
  return def.run(ctx, parsed.data);
}

async function route(ctx: Ctx, req: BotRequest): Promise<Reply> {
  switch (req.kind) {
    case 'command':
      return runCommand(ctx, req.command, req.text);
    case 'action': {
      if (req.actionId === ACTIONS.runCommand) {
        const run = parseRunCommand(req.value);
        return run ? runCommand(ctx, run.c, run.t) : reply([errorCard(ctx.t('error.internal'))]);
      }
      const h = actionHandlers[req.actionId];
      if (!h) return reply([errorCard(ctx.t('error.internal'))]);
      return h(ctx, req.value);
    }
    case 'form': {
      const h = formHandlers[req.formId];
      if (!h) return reply([errorCard(ctx.t('error.internal'))]);
      return h(ctx, req.values, req.metadata);
    }
    case 'shortcut':
      if (req.shortcutId === SHORTCUTS.saveAsLead) return reply([], { form: leadForm(ctx, extractLeadHints(req.messageText)) });
      if (req.shortcutId === SHORTCUTS.logToLead) return reply([], { form: logForm(ctx, { text: req.messageText, author: req.messageAuthor, link: req.messageLink }) });
      if (req.shortcutId === SHORTCUTS.openTicket) return reply([], { form: ticketForm(ctx, req.messageText) });
      return reply([errorCard(ctx.t('error.internal'))]);
    case 'suggest':
      return reply([], { options: await leadOptions(ctx, req.query) });
  }
}

function tooLong(req: BotRequest): boolean {
  if (req.kind === 'command') return req.text.length > MAX_TEXT;
  if (req.kind === 'form') return Object.values(req.values).some((v) => v.length > MAX_TEXT);
  return false;
}

/** The only place (with the job wrapper) that catches: every failure becomes a clear message. */
export async function dispatch(req: BotRequest, deps: DispatchDeps): Promise<Reply> {
  const log = deps.logger.child({ platform: req.platform, workspace: req.workspaceId, user: req.userId, kind: req.kind });
  let locale: Locale = req.platform === 'wecom' ? deps.config.WECOM_DEFAULT_LOCALE : deps.config.DEFAULT_LOCALE;
  const fail = (key: MessageKey, params?: Record<string, string | number>) => reply([errorCard(t(locale, key, params))], { locale });
  try {
    if (!requestOrigin.safeParse(req).success) {
      log.warn('request without a workspace or a user refused');
      return fail('error.invalid_payload');
    }
    if (tooLong(req)) return fail('error.text_too_long', { max: MAX_TEXT });
    const ctx = await buildCtx(req, deps, log);
    locale = ctx.locale;
    return { locale, workspaceId: String(ctx.actor.workspace._id), ...(await route(ctx, req)) };
  } catch (err) {
    if (err instanceof AppError) {
      log.info({ code: err.code, msg: err.message }, 'request refused');
      return fail(err.userMessage.key, err.userMessage.params);
    }
    if (isDbUnavailableError(err)) {
      log.warn({ err }, 'database unavailable');
      return fail('error.db_unavailable');
    }
    log.error({ err }, 'request failed');
    return fail('error.internal');
  }
}
