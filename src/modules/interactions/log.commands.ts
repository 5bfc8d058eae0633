import { z } from 'zod';
import { reply, type Form, type Reply } from '../../platform/cards/card';
import { getLead, getLeadById, getLeadView, leadCard, leadRef, memberName, membersById, membersByPlatformId, LEAD_ACTIONS, LEAD_SEARCH_FIELD, LEAD_VALUES } from '../leads';
import { INTERACTION_KINDS, KIND_ALIASES, leadHistory, logInteraction, parseKind, type InteractionKind, type LogInput } from './interactions.service';
import { choicesCard, type Choice } from '../../platform/cards/choices';
import { closest } from '../../platform/suggest';
import { parseWhen } from '../../platform/dates';
import { fieldError } from '../../platform/errors';
import type { LeadEntity } from '../leads';
import type { MessageKey } from '../../platform/i18n';
import { splitFirst, takePage } from '../../platform/args';
import { defineCommand, nonEmpty, type CommandDef } from '../workspaces';
import { openedReply } from '../tickets';
import type { Ctx } from '../workspaces';
import { LOG_FORMS } from './log.ids';

// `… next: friday`, `…，下次：周四上午10点 发报价`, `…。下次：后天`.
const NEXT = /(?:^|[\s;；,，。])(?:next|下次)\s*[:：]\s*/i;

const kindLabel = (ctx: Ctx, k: InteractionKind) => ctx.t(`interaction.${k}` as MessageKey);

/** The kinds in the reader's language (`电话、会议…` / `Call, Meeting…`). */
function kindList(ctx: Ctx): string {
  return INTERACTION_KINDS.map((k) => kindLabel(ctx, k)).join(ctx.locale === 'zh-CN' ? '、' : ', ');
}

/**
 * `/log L-9 phoned them`: the first word is no kind. Nothing is logged; the reader picks the kind
 * (the closest one first), and the whole text, that word included, is logged with it. Text that reads
 * as a time (`跟进 L-9 明天下午3点 回访`, the old meaning of 跟进) also offers to set the next follow-up.
 */
function kindChoices(ctx: Ctx, lead: LeadEntity, word: string, text: string, next: string): Reply {
  const said = `${word} ${text}`.trim();
  const near = closest(word, [...INTERACTION_KINDS, ...Object.keys(KIND_ALIASES)]);
  const guess = near ? parseKind(near) : null;
  const ref = leadRef(lead);
  const tail = next.trim() ? ` next: ${next.trim()}` : '';
  const kinds = guess ? [guess, ...INTERACTION_KINDS.filter((k) => k !== guess)] : [...INTERACTION_KINDS];
  const choices: Choice[] = kinds.map((k) => ({ label: kindLabel(ctx, k), command: '/log', text: `${ref} ${k} ${said}${tail}`, primary: k === guess }));
  // Text that starts with a time most likely meant a follow-up: offered first (WeCom shows six buttons).
  if (!tail && parseWhen(said, ctx.timeZone, ctx.actor.now())) choices.unshift({ label: ctx.t('log.btn.set_next'), command: '/lead', text: `next ${ref} ${said}`, primary: !guess });
  const lines = [
    ctx.t('log.kind_unknown', { value: word.slice(0, 30), kinds: kindList(ctx) }),
    guess ? ctx.t('choice.did_you_mean', { choice: kindLabel(ctx, guess) }) : '',
    ctx.t('log.kind_choose', { text: said.slice(0, 80), id: ref }),
  ];
  return reply([choicesCard(lines.filter(Boolean).join('\n'), choices)]);
}

/** Logs the touch and answers with the updated lead card (and the ticket a complaint opened). */
export async function loggedReply(ctx: Ctx, lead: LeadEntity, kind: string, text: string, nextText: string, extra: Pick<LogInput, 'messageAuthor' | 'messageLink'> = {}): Promise<Reply> {
  const k = parseKind(kind);
  if (!k) throw fieldError('kind', 'log.kind_unknown', { value: kind.slice(0, 30), kinds: kindList(ctx) });
  let next: LogInput['next'] = null;
  if (nextText.trim()) {
    const when = parseWhen(nextText, ctx.timeZone, ctx.actor.now());
    if (!when) throw fieldError('next', 'error.date_invalid', { value: nextText.slice(0, 60) });
    next = { at: when.at, what: when.rest };
  }
  const { lead: updated, ticket } = await logInteraction(ctx.actor, lead, { kind: k, text, next, ...extra });
  const notice = ctx.t('log.logged', { kind: ctx.t(`interaction.${k}` as MessageKey), id: leadRef(updated) });
  const card = leadCard(ctx, await getLeadView(ctx.actor, updated), { notice, undo: true });
  if (!ticket) return reply([card]);
  const opened = await openedReply(ctx, ticket, ctx.t('log.complaint_ticket'));
  return { ...opened, cards: [card, ...opened.cards] };
}

const log = defineCommand({
  name: 'log',
  help: 'help.log',
  parse: (args) => {
    const [id, rest] = splitFirst(args);
    // The follow-up marker first: a kind-less `陈总要报价单，下次：…` must not swallow it.
    const [head, next] = rest.split(NEXT);
    const [kind, text] = splitFirst(head ?? '');
    return { id, kind, text, next: next ?? '' };
  },
  input: z.object({ id: nonEmpty, kind: nonEmpty, text: z.string(), next: z.string() }),
  run: async (ctx, { id, kind, text, next }) => {
    const lead = await getLead(ctx.actor, id);
    if (!parseKind(kind)) return kindChoices(ctx, lead, kind, text, next);
    return loggedReply(ctx, lead, kind, text, next);
  },
});

export async function historyReply(ctx: Ctx, lead: LeadEntity, page: number): Promise<Reply> {
  const res = await leadHistory(ctx.actor, lead, page);
  const authors = await membersById(ctx.actor, res.items.map((i) => i.authorId));
  // A logged chat message's author is kept as the platform's mention (`<@U123>`): shown by name when
  // they are a member, else by their user id.
  const mentioned = (a: string) => /^<@([\w.-]+)>$/.exec(a)?.[1];
  const writers = await membersByPlatformId(ctx.actor, res.items.map((i) => mentioned(i.messageAuthor ?? '')).filter((x): x is string => Boolean(x)));
  const writer = (a: string) => {
    const id = mentioned(a);
    if (!id) return a;
    const m = writers.get(id);
    return m ? memberName(m) : id;
  };
  const lines = res.items.map(
    (i) => {
      // Logged from a chat message ("Log to lead"): who wrote it, and a link back to it.
      const source = [i.messageAuthor ? ctx.t('log.from_message', { author: writer(i.messageAuthor) }) : '', i.messageLink ?? ''].filter(Boolean).join(' ');
      return `${ctx.formatDate(i.at)} · ${ctx.t(`interaction.${i.kind}` as MessageKey)} · ${memberName(authors.get(String(i.authorId)))}: ${i.text}${source ? ` (${source})` : ''}`;
    },
  );
  const id = String(lead._id);
  const actions = [];
  if (res.page > 1) actions.push({ id: LEAD_ACTIONS.leadHistory, label: ctx.t('list.prev'), value: LEAD_VALUES.leadHistory.write({ id, page: res.page - 1 }) });
  if (res.page < res.pages) actions.push({ id: LEAD_ACTIONS.leadHistory, label: ctx.t('list.next'), value: LEAD_VALUES.leadHistory.write({ id, page: res.page + 1 }) });
  return reply(
    [{ title: ctx.t('log.history_title', { id: leadRef(lead), company: lead.company, total: res.total }), lines: lines.length ? lines : [ctx.t('lead.no_interactions')], context: ctx.t('list.page', { page: res.page, pages: res.pages }), actions }],
    { replaceOriginal: page > 1 },
  );
}

const history = defineCommand({
  name: 'lead history',
  help: 'help.lead.history',
  parse: (args) => {
    const [id, page] = takePage(args);
    return { id, page };
  },
  input: z.object({ id: nonEmpty, page: z.number().int().min(1) }),
  run: async (ctx, { id, page }) => historyReply(ctx, await getLead(ctx.actor, id), page),
});

/** The log form: from a lead card's Log button (lead fixed) or the "Log to lead" shortcut (search the lead). */
export function logForm(ctx: Ctx, opts: { lead?: LeadEntity; text?: string; author?: string; link?: string }): Form {
  const kinds = INTERACTION_KINDS.map((k) => ({ value: k, label: ctx.t(`interaction.${k}` as MessageKey) }));
  const fields: Form['fields'] = [
    { id: 'kind', label: ctx.t('log.field.kind'), kind: 'select', options: kinds, initial: 'call' },
    { id: 'text', label: ctx.t('log.field.text'), kind: 'multiline', initial: opts.text?.slice(0, 3000) },
    { id: 'next', label: ctx.t('lead.field.next'), kind: 'text', optional: true, placeholder: ctx.t('form.next_placeholder') },
  ];
  if (!opts.lead) fields.unshift({ id: LEAD_SEARCH_FIELD, label: ctx.t('log.field.lead'), kind: 'lead' });
  const ref = opts.lead ? leadRef(opts.lead) : 'L-12';
  return {
    id: LOG_FORMS.log,
    title: ctx.t('log.form_title'),
    submitLabel: ctx.t('form.save'),
    closeLabel: ctx.t('form.cancel'),
    metadata: JSON.stringify({ lead: opts.lead ? String(opts.lead._id) : undefined, author: opts.author, link: opts.link }),
    fields,
    example: `/log ${ref} call ${ctx.t('log.example_text')} next: ${ctx.t('form.next_placeholder')}`,
  };
}

/** Submitting the log form. */
export async function logFormReply(ctx: Ctx, values: Record<string, string>, metadata: string): Promise<Reply> {
  let meta: { lead?: string; author?: string; link?: string };
  try {
    meta = JSON.parse(metadata || '{}');
  } catch {
    meta = {};
  }
  const leadId = meta.lead ?? values[LEAD_SEARCH_FIELD];
  if (!leadId) return reply([], { formErrors: { [LEAD_SEARCH_FIELD]: ctx.t('form.required') } });
  const lead = await getLeadById(ctx.actor, leadId);
  return loggedReply(ctx, lead, values.kind ?? '', values.text ?? '', values.next ?? '', { messageAuthor: meta.author, messageLink: meta.link });
}

export const logCommands: CommandDef<never>[] = [log, history] as unknown as CommandDef<never>[];
