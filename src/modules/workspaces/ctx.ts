import type { Locale } from '../../config';
import type { Actor } from './actor';
import { isLocale, t, type MessageKey, type MessageParams } from '../../platform/i18n';
import { formatWhen } from '../../platform/dates';
import { formatMoney } from '../../platform/money';
import type { MemberEntity } from './member.model';
import type { Reply } from '../../platform/cards/card';
import type { Logger } from '../../platform/logger';

export interface Ctx {
  actor: Actor;
  locale: Locale;
  timeZone: string;
  region: string;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatDate: (d: Date) => string;
  formatMoney: (amount: number, currency: string | null) => string;
  log: Logger;
}

export type Handler<I> = (ctx: Ctx, input: I) => Promise<Reply>;

/** The language a member reads: their own choice, else the workspace's. */
export function localeOf(member: Pick<MemberEntity, 'locale'>, workspaceLocale: string, fallback: Locale): Locale {
  const wanted = member.locale ?? workspaceLocale;
  return isLocale(wanted) ? wanted : fallback;
}

/** The time zone a member reads and types dates in: their own (`/crm tz`), else the workspace's. */
export function timeZoneOf(member: Pick<MemberEntity, 'timezone'>, workspaceZone: string): string {
  return member.timezone || workspaceZone;
}

/** `workspaceZone`: for cards many people read (a channel post), the workspace's zone, not the actor's. */
export function makeCtx(actor: Actor, locale: Locale, log: Logger, opts: { workspaceZone?: boolean } = {}): Ctx {
  const s = actor.workspace.settings!;
  const timeZone = opts.workspaceZone ? s.timezone : timeZoneOf(actor.member, s.timezone);
  return {
    actor: { ...actor, locale },
    locale,
    timeZone,
    region: s.phoneRegion,
    t: (key, params) => t(locale, key, params),
    formatDate: (d) => formatWhen(d, locale, timeZone),
    formatMoney: (a, c) => formatMoney(a, c, locale),
    log,
  };
}

/** A context for rendering a card that `reader` will see (a DM): their language, their buttons. */
export function ctxFor(ctx: Ctx, reader: MemberEntity): Ctx {
  const locale = localeOf(reader, ctx.actor.workspace.settings!.locale, ctx.locale);
  return makeCtx({ ...ctx.actor, member: reader }, locale, ctx.log);
}
