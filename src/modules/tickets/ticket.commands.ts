import { z } from 'zod';
import { reply, type Reply } from '../../platform/cards/card';
import * as tickets from './tickets.service';
import { getLead, membersById, infoCard, memberName, leadRef } from '../leads';
import { ticketHistory } from './ticket-history.service';
import { userError } from '../../platform/errors';
import { memberForMention, defineCommand, nonEmpty, type CommandDef, makeCtx, ctxFor, readPriority, type Ctx } from '../workspaces';
import { isLocale, type MessageKey } from '../../platform/i18n';
import type { TicketEntity } from './ticket.model';
import { parseMention, splitFirst, takePage, type Mention } from '../../platform/args';
import { ticketCard } from './ticket.cards';
import { TICKET_ACTIONS, TICKET_VALUES } from './ticket.ids';
import { getTicketView } from './ticket-view.service';

/** "[L-12] <subject> [priority: high]" (also 优先级：高). */
export function parseNewTicket(text: string): { leadRef?: string; subject: string; priority?: string } {
  let rest = text.trim();
  let priority: string | undefined;
  rest = rest.replace(/[\s;；,，]*(?:priority|优先级)\s*[:：]\s*(\S+)\s*$/i, (_m, p: string) => {
    // An unknown word stays as typed, so the schema refuses it instead of quietly using "normal".
    priority = readPriority(p) ?? p;
    return '';
  });
  // A lone lead id is a ticket without a subject, not a ticket called "L-12".
  // Full-width ids (`Ｌ－１５`) are read like half-width ones.
  const m = rest.match(/^([LＬｌ][-－]?[\d０-９]+)(?:\s+([\s\S]*))?$/i);
  return m ? { leadRef: m[1].normalize('NFKC'), subject: (m[2] ?? '').trim(), priority } : { subject: rest, priority };
}

/** A context speaking the workspace's language and time, for cards posted where many people read. */
function channelCtx(ctx: Ctx): Ctx {
  const l = ctx.actor.workspace.settings?.locale ?? ctx.locale;
  return makeCtx(ctx.actor, isLocale(l) ? l : ctx.locale, ctx.log, { workspaceZone: true });
}

/** Redraw every posted copy of the ticket card (e.g. "Claimed by … at …" on each). */
export async function ticketUpdate(ctx: Ctx, t: TicketEntity): Promise<Pick<Reply, 'updates'>> {
  const cc = channelCtx(ctx);
  return { updates: [{ entity: { kind: 'ticket', id: String(t._id) }, cards: [ticketCard(cc, await getTicketView(cc.actor, t), { channel: true })], locale: cc.locale }] };
}

/** A new ticket: posted to the support channel (or the creator's DM), confirmed to the creator. */
export async function openedReply(ctx: Ctx, t: TicketEntity, notice?: string): Promise<Reply> {
  const cc = channelCtx(ctx);
  const channel = ctx.actor.workspace.settings?.supportChannel || ctx.actor.member.platformUserId;
  const text = [notice, ctx.t('ticket.opened', { id: tickets.ticketRef(t) })].filter(Boolean).join(' ');
  const entity = { kind: 'ticket' as const, id: String(t._id) };
  const view = await getTicketView(ctx.actor, t);
  // No support channel: the card goes to the creator's own DM, so the answer need not repeat it.
  if (channel === ctx.actor.member.platformUserId) return reply([infoCard(text)], { posts: [{ channel, cards: [ticketCard(cc, view)], entity, locale: cc.locale }] });
  // Otherwise the creator sees the ticket itself (with only the buttons they may use), not just its number.
  return reply([ticketCard(ctx, view, { notice: text })], { posts: [{ channel, cards: [ticketCard(cc, view, { channel: true })], entity, locale: cc.locale }] });
}

const newTicket = defineCommand({
  name: 'ticket new',
  help: 'help.ticket.new',
  parse: (args) => parseNewTicket(args),
  input: z.object({ leadRef: z.string().optional(), subject: nonEmpty, priority: z.enum(tickets.PRIORITIES).optional() }),
  run: async (ctx, { leadRef, subject, priority }) => {
    const lead = leadRef ? await getLead(ctx.actor, leadRef) : null;
    const t = await tickets.createTicket(ctx.actor, { subject, priority, leadId: lead?._id ?? null });
    return openedReply(ctx, t);
  },
});

const show = defineCommand({
  name: 'ticket show',
  help: 'help.ticket.show',
  parse: (args) => ({ id: args }),
  input: z.object({ id: nonEmpty }),
  run: async (ctx, { id }) => reply([ticketCard(ctx, await getTicketView(ctx.actor, await tickets.getTicket(ctx.actor, id)))]),
});

export async function ticketListReply(ctx: Ctx, filter: tickets.TicketFilter, page: number): Promise<Reply> {
  const res = await tickets.listTickets(ctx.actor, filter, page);
  const people = await membersById(ctx.actor, res.tickets.map((t) => t.assigneeId).filter(Boolean));
  const lines = res.tickets.map(
    (t) =>
      `${tickets.ticketRef(t)} · ${ctx.t(`ticket.priority.${t.priority}`)} · ${ctx.t(`ticket.status.${t.status}`)}${t.assigneeId ? ` (${memberName(people.get(String(t.assigneeId)))})` : ''} · ${t.subject}`,
  );
  const actions = [];
  if (res.page > 1) actions.push({ id: TICKET_ACTIONS.ticketPage, label: ctx.t('list.prev'), value: TICKET_VALUES.ticketPage.write({ filter, page: res.page - 1 }) });
  if (res.page < res.pages) actions.push({ id: TICKET_ACTIONS.ticketPage, label: ctx.t('list.next'), value: TICKET_VALUES.ticketPage.write({ filter, page: res.page + 1 }) });
  return reply([{ title: ctx.t(`ticket.list.${filter}`, { total: res.total }), lines: lines.length ? lines : [ctx.t('ticket.list.empty')], context: ctx.t('list.page', { page: res.page, pages: res.pages }), actions }]);
}

const list = defineCommand({
  name: 'ticket list',
  help: 'help.ticket.list',
  parse: (args) => {
    const [rest, page] = takePage(args);
    return { filter: rest.toLowerCase() || 'open', page };
  },
  input: z.object({ filter: z.enum(['all', 'open', 'mine', 'unclaimed']), page: z.number().int().min(1) }),
  run: (ctx, { filter, page }) => ticketListReply(ctx, filter, page),
});

/** Tells the rep who owns the ticket's customer what happened (a DM through the outbox). */
async function tellLeadOwner(ctx: Ctx, t: TicketEntity, key: 'ticket.owner_claimed' | 'ticket.owner_resolved'): Promise<Reply['notify']> {
  const owner = await tickets.ticketLeadOwner(ctx.actor, t);
  if (!owner) return undefined;
  const view = await getTicketView(ctx.actor, t);
  const lead = view.lead;
  if (!lead) return undefined;
  const oc = ctxFor(ctx, owner);
  const notice = oc.t(key, { who: memberName(ctx.actor.member), id: tickets.ticketRef(t), lead: `${leadRef(lead)} · ${lead.company}`, note: t.resolution });
  return [{ userId: owner.platformUserId, cards: [ticketCard(oc, view, { notice })], locale: oc.locale, entity: { kind: 'ticket' as const, id: String(t._id) } }];
}

export async function claimReply(ctx: Ctx, t: TicketEntity): Promise<Reply> {
  const claimed = await tickets.claimTicket(ctx.actor, t);
  const notify = await tellLeadOwner(ctx, claimed, 'ticket.owner_claimed');
  return reply([infoCard(ctx.t('ticket.you_claimed', { id: tickets.ticketRef(claimed) }))], { ...(await ticketUpdate(ctx, claimed)), notify });
}

export async function resolveReply(ctx: Ctx, t: TicketEntity, note: string): Promise<Reply> {
  const done = await tickets.resolveTicket(ctx.actor, t, note);
  const notify = await tellLeadOwner(ctx, done, 'ticket.owner_resolved');
  return reply([infoCard(ctx.t('ticket.resolved', { id: tickets.ticketRef(done) }))], { ...(await ticketUpdate(ctx, done)), notify });
}

export async function reopenReply(ctx: Ctx, t: TicketEntity, reason: string): Promise<Reply> {
  const open = await tickets.reopenTicket(ctx.actor, t, reason);
  return reply([infoCard(ctx.t('ticket.reopened', { id: tickets.ticketRef(open) }))], await ticketUpdate(ctx, open));
}

export async function escalateReply(ctx: Ctx, t: TicketEntity): Promise<Reply> {
  const { ticket, managers } = await tickets.escalateTicket(ctx.actor, t);
  const view = await getTicketView(ctx.actor, ticket);
  const notify = managers.map((m) => {
      const mc = ctxFor(ctx, m);
      const notice = mc.t('ticket.escalated_to_you', { id: tickets.ticketRef(ticket), by: memberName(ctx.actor.member) });
    return { userId: m.platformUserId, cards: [ticketCard(mc, view, { notice })], locale: mc.locale, entity: { kind: 'ticket' as const, id: String(ticket._id) } };
  });
  return reply([infoCard(ctx.t('ticket.escalated_done', { id: tickets.ticketRef(ticket), count: managers.length }))], { ...(await ticketUpdate(ctx, ticket)), notify });
}

export async function reassignReply(ctx: Ctx, t: TicketEntity, who: Mention): Promise<Reply> {
  const to = await memberForMention(ctx.actor, who);
  const moved = await tickets.reassignTicket(ctx.actor, t, to);
  const tc = ctxFor(ctx, to);
  const dm = {
    userId: to.platformUserId,
    cards: [ticketCard(tc, await getTicketView(tc.actor, moved), { notice: tc.t('ticket.assigned_to_you', { id: tickets.ticketRef(moved), by: memberName(ctx.actor.member) }) })],
    locale: tc.locale,
    entity: { kind: 'ticket' as const, id: String(moved._id) },
  };
  return reply([infoCard(ctx.t('ticket.reassigned', { id: tickets.ticketRef(moved), who: memberName(to) }))], { ...(await ticketUpdate(ctx, moved)), notify: to._id.equals(ctx.actor.member._id) ? undefined : [dm] });
}

const WORKERS: CommandDef['roles'] = ['support', 'manager', 'admin'];

const byId = (name: string, help: Parameters<typeof defineCommand>[0]['help'], run: (ctx: Ctx, t: TicketEntity, rest: string) => Promise<Reply>, roles?: CommandDef['roles']) =>
  defineCommand({
    name,
    help,
    roles,
    parse: (args) => {
      const [id, rest] = splitFirst(args);
      return { id, rest };
    },
    input: z.object({ id: nonEmpty, rest: z.string() }),
    run: async (ctx, { id, rest }) => run(ctx, await tickets.getTicket(ctx.actor, id), rest),
  });

const claim = byId('ticket claim', 'help.ticket.claim', (ctx, t) => claimReply(ctx, t), WORKERS);
const resolve = byId('ticket resolve', 'help.ticket.resolve', (ctx, t, note) => resolveReply(ctx, t, note), WORKERS);
const reopen = byId('ticket reopen', 'help.ticket.reopen', (ctx, t, reason) => reopenReply(ctx, t, reason));

const history = defineCommand({
  name: 'ticket history',
  help: 'help.ticket.history',
  parse: (args) => ({ id: args }),
  input: z.object({ id: nonEmpty }),
  run: async (ctx, { id }) => {
    const { ticket, entries } = await ticketHistory(ctx.actor, id);
    const ref = tickets.ticketRef(ticket);
    const lines = entries.map((e) => {
      const what = HISTORY_ACTIONS.has(e.action) ? ctx.t(`ticket.history.${e.action}` as MessageKey) : ctx.t('ticket.history.other', { action: e.action });
      return `${ctx.formatDate(e.at)} · ${e.who || ctx.t('ticket.history.system')} ${what}${e.detail ? `: ${e.detail}` : ''}`;
    });
    return reply([{ title: ctx.t('ticket.history.title', { id: ref }), lines: lines.length ? lines : [ctx.t('ticket.history.empty', { id: ref })] }]);
  },
});
const HISTORY_ACTIONS = new Set(['create', 'claim', 'resolve', 'reopen', 'escalate', 'reassign']);
const escalate = byId('ticket escalate', 'help.ticket.escalate', (ctx, t) => escalateReply(ctx, t));
const assign = byId('ticket assign', 'help.ticket.assign', async (ctx, t, who) => {
  const m = parseMention(who);
  if (!m) throw userError('invalid_input', 'error.usage', { usage: ctx.t('help.ticket.assign') });
  return reassignReply(ctx, t, m);
}, WORKERS);

export const ticketCommands: CommandDef<never>[] = [newTicket, list, show, history, claim, resolve, reopen, escalate, assign] as unknown as CommandDef<never>[];
