import { z } from 'zod';
import type { Form, Notification } from '../../platform/cards/card';
import type { LeadEntity } from './lead.model';
import type { MemberEntity, Ctx } from '../workspaces';
import { ctxFor, memberForMention, defineCommand, nonEmpty, type CommandDef, matchStage } from '../workspaces';
import { reply } from '../../platform/cards/card';
import * as leads from './leads.service';
import { createLead, type CreateResult } from './lead-create.service';
import { parseLeadText, LIMITS, type RawLead } from './lead-input';
import { normalizeEmail, normalizePhone } from './normalize';
import { parseMoney } from '../../platform/money';
import { parseWhen } from '../../platform/dates';
import { AppError, userError, fieldError } from '../../platform/errors';
import { mentionSchema, parseMention, splitFirst, takePage, type Mention } from '../../platform/args';
import { duplicateCard, infoCard, issuesCard, leadCard, leadListCard, leadRef, memberName, stageIdOf, stageLabel, stageNames, type LeadView } from './lead.cards';
import { choicesCard, type Choice } from '../../platform/cards/choices';
import { closest } from '../../platform/suggest';
import { LEAD_ACTIONS, LEAD_FORMS } from './lead.ids';
import { getLeadView } from './lead-view.service';
import { possibleCard } from './possible.cards';

export function leadForm(ctx: Ctx, initial: Partial<RawLead> & { note?: string } = {}): Form {
  const f = (id: keyof RawLead | 'phone' | 'email' | 'tags', label: string, value: string, optional = true, placeholder?: string) => ({
    id,
    label,
    kind: 'text' as const,
    initial: value || undefined,
    optional,
    placeholder,
  });
  return {
    id: LEAD_FORMS.leadAdd,
    title: ctx.t('form.lead.title'),
    submitLabel: ctx.t('form.save'),
    closeLabel: ctx.t('form.cancel'),
    metadata: '',
    example: ctx.t('lead.example'),
    fields: [
      f('company', ctx.t('lead.field.company'), initial.company ?? '', false, ctx.t('form.lead.placeholder.company')),
      f('contact', ctx.t('lead.field.contact_name'), initial.contact ?? '', false, ctx.t('form.lead.placeholder.contact')),
      f('phone', ctx.t('lead.field.phones'), (initial.phones ?? []).join(', '), true, ctx.t('form.lead.placeholder.phone')),
      f('email', ctx.t('lead.field.emails'), (initial.emails ?? []).join(', '), true, ctx.t('form.lead.placeholder.email')),
      f('source', ctx.t('lead.field.source'), initial.source ?? '', true, ctx.t('form.lead.placeholder.source')),
      f('value', ctx.t('lead.field.value'), initial.value ?? '', true, ctx.t('form.lead.placeholder.value')),
      f('next', ctx.t('lead.field.next'), initial.next ?? '', true, ctx.t('form.next_placeholder')),
      f('tags', ctx.t('lead.field.tags'), (initial.tags ?? []).join(' '), true, ctx.t('form.lead.placeholder.tags')),
      { ...f('notes', ctx.t('lead.field.note'), initial.note ?? ''), id: 'note', kind: 'multiline' as const },
    ],
  };
}

/** The card a new owner gets by direct message, in their own language. */
function assignedDm(ctx: Ctx, view: LeadView, owner: MemberEntity): Notification {
  const rc = ctxFor(ctx, owner);
  const notice = rc.t('lead.assigned_to_you', { id: leadRef(view.lead), by: memberName(ctx.actor.member) });
  return { userId: owner.platformUserId, cards: [leadCard(rc, view, { notice })], locale: rc.locale };
}

/** The owner a lead was taken from hears who took it and who has it now (they can no longer open it). */
function reassignedAwayDm(ctx: Ctx, lead: LeadEntity, previous: MemberEntity, to: MemberEntity): Notification {
  const rc = ctxFor(ctx, previous);
  const text = rc.t('lead.reassigned_away', { id: leadRef(lead), company: lead.company, owner: memberName(to), by: memberName(ctx.actor.member) });
  return { userId: previous.platformUserId, cards: [infoCard(text, 'info')], locale: rc.locale };
}

/** Shared by `/lead add`, the form and "Create anyway": turn a create result into the reply. */
export async function createdReply(ctx: Ctx, result: CreateResult) {
  if (result.kind === 'duplicate') return reply([duplicateCard(ctx, result.existing, result.owner, result.draftId, result.visible)]);
  if (result.kind === 'possible') return reply([possibleCard(ctx, result.candidates, result.total, result.draftId)]);
  if (result.incomplete) ctx.log.error({ err: result.incomplete, lead: leadRef(result.lead) }, 'lead created but its note or audit event was not written');
  const view = result.view;
  const card = leadCard(ctx, view, { notice: ctx.t('lead.created', { id: leadRef(result.lead), owner: memberName(result.owner) }) });
  const notify = result.notifyOwner ? [assignedDm(ctx, view, result.owner)] : undefined;
  return reply([card], { notify });
}

const add = defineCommand({
  name: 'lead add',
  help: 'help.lead.add',
  parse: (args) => ({ text: args }),
  input: z.object({ text: z.string() }),
  run: async (ctx, { text }) => {
    if (!text.trim()) return reply([], { form: leadForm(ctx) });
    const { input, issues } = parseLeadText(text, { region: ctx.region, timeZone: ctx.timeZone, now: ctx.actor.now() });
    if (!input) return reply([issuesCard(ctx, issues, ctx.t('lead.example'))]);
    return createdReply(ctx, await createLead(ctx.actor, input));
  },
});

const idOnly = z.object({ id: nonEmpty });
const show = defineCommand({
  name: 'lead show',
  help: 'help.lead.show',
  parse: (args) => ({ id: args }),
  input: idOnly,
  run: async (ctx, { id }) => {
    const { lead, mergedFrom } = await leads.resolveLead(ctx.actor, id);
    const notice = mergedFrom ? ctx.t('lead.merged_shown', { id: leadRef(mergedFrom), into: leadRef(lead) }) : undefined;
    return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice })]);
  },
});

export type PageRef = { f: 'list'; k: string; s?: string; p: number } | { f: 'find'; q: string; p: number };

export async function listReply(ctx: Ctx, ref: PageRef) {
  const filter: leads.ListFilter =
    ref.f === 'list' ? (ref.k === 'stage' ? { kind: 'stage', stage: ref.s ?? '' } : { kind: ref.k as 'all' | 'mine' | 'team' | 'stale' }) : { kind: 'all' };
  const res = ref.f === 'list' ? await leads.listLeads(ctx.actor, filter, ref.p) : await leads.findLeads(ctx.actor, findQuery(ctx, ref.q), ref.p);
  const owners = await leads.membersById(ctx.actor, res.leads.map((l) => l.ownerId));
  const title =
    ref.f === 'find'
      ? ctx.t('list.title.find', { query: ref.q, total: res.total })
      : ctx.t(listTitleKey(ctx, filter.kind), { stage: typedStageLabel(ctx, ref.s ?? ''), total: res.total });
  return reply([leadListCard(ctx, title, res.leads, owners, res.page, res.pages, (p) => JSON.stringify({ ...ref, p }))]);
}

/** The stage as typed (`demo`, `演示`) shown by its name in the reader's language. */
function typedStageLabel(ctx: Ctx, typed: string): string {
  const settings = ctx.actor.workspace.settings;
  const stage = typed ? matchStage(settings, settings?.stages ?? [], typed) : undefined;
  return stage ? stageLabel(ctx, stage) : typed;
}

/** A rep's "team" list holds only their own leads: its title says so rather than promise the team's. */
function listTitleKey(ctx: Ctx, kind: leads.ListFilter['kind']) {
  return kind === 'team' && ctx.actor.member.role === 'rep' ? 'list.title.team_rep' : (`list.title.${kind}` as const);
}

const LIST_KINDS = ['all', 'mine', 'team', 'stale', 'stage'] as const;
const list = defineCommand({
  name: 'lead list',
  help: 'help.lead.list',
  parse: (args) => {
    const [rest, page] = takePage(args);
    const [kind, stage] = splitFirst(rest);
    return { kind: kind.toLowerCase() || 'all', stage, page };
  },
  input: z
    .object({ kind: z.enum(LIST_KINDS), stage: z.string(), page: z.number().int().min(1) })
    .refine((v) => v.kind !== 'stage' || v.stage.length > 0, { path: ['stage'] }),
  run: (ctx, { kind, stage, page }) => listReply(ctx, { f: 'list', k: kind, s: kind === 'stage' ? stage : undefined, p: page }),
});

function findQuery(ctx: Ctx, q: string): { phone?: string; email?: string; text?: string } {
  const email = q.includes('@') ? normalizeEmail(q) : null;
  if (email) return { email };
  const phone = /\d{5,}/.test(q.replace(/[\s\-()+]/g, '')) ? normalizePhone(q, ctx.region) : null;
  if (phone) return { phone };
  return { text: q.normalize('NFKC').trim() };
}

const find = defineCommand({
  name: 'lead find',
  help: 'help.lead.find',
  parse: (args) => ({ q: args }),
  input: z.object({ q: nonEmpty.max(200) }),
  run: (ctx, { q }) => listReply(ctx, { f: 'find', q, p: 1 }),
});

const stage = defineCommand({
  name: 'lead stage',
  help: 'help.lead.stage',
  parse: (args) => {
    const [id, st] = splitFirst(args);
    return { id, stage: st };
  },
  input: z.object({ id: nonEmpty, stage: z.string() }),
  run: async (ctx, { id, stage: st }) => {
    const lead0 = await leads.getLead(ctx.actor, id);
    if (!st) return reply([stageChoices(ctx, lead0, ctx.t('lead.stage_choose', { id: leadRef(lead0) }))]);
    try {
      const lead = await leads.setStage(ctx.actor, lead0, st);
      const notice = lead.stage === 'won' ? ctx.t('lead.won', { id: leadRef(lead) }) : ctx.t('lead.stage_set', { id: leadRef(lead), stage: stageLabel(ctx, lead.stage) });
      return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice, undo: lead !== lead0 })]);
    } catch (err) {
      // `/lead stage L-9 qualifed`: say so, then offer the closest stage first and the others after.
      if (!(err instanceof AppError) || err.userMessage.key !== 'error.stage_unknown') throw err;
      const names = stageNames(ctx);
      const near = closest(st, names.map(([n]) => n));
      const guess = near ? stageIdOf(ctx, near) : undefined;
      const text = [ctx.t(err.userMessage.key, err.userMessage.params), guess ? ctx.t('choice.did_you_mean', { choice: stageLabel(ctx, guess) }) : ''].filter(Boolean).join('\n');
      return reply([stageChoices(ctx, lead0, text, guess)]);
    }
  },
});

/** A button per stage the lead can move to; Lost opens the form that asks why. */
function stageChoices(ctx: Ctx, lead: LeadEntity, text: string, guess?: string) {
  const ref = leadRef(lead);
  const stages = (ctx.actor.workspace.settings?.stages ?? []).filter((s) => s !== lead.stage && s !== 'lost');
  const ordered = guess && stages.includes(guess) ? [guess, ...stages.filter((s) => s !== guess)] : stages;
  const choices: Choice[] = ordered.map((s) => ({ label: stageLabel(ctx, s), command: '/lead', text: s === 'won' ? `won ${ref}` : `stage ${ref} ${s}`, primary: s === guess }));
  const lost = lead.stage === 'lost' ? [] : [{ id: LEAD_ACTIONS.leadLost, label: stageLabel(ctx, 'lost'), value: String(lead._id), style: 'danger' as const }];
  return choicesCard(text, choices, lost);
}

const won = defineCommand({
  name: 'lead won',
  help: 'help.lead.won',
  parse: (args) => {
    const [id, value] = splitFirst(args);
    return { id, value };
  },
  input: z.object({ id: nonEmpty, value: z.string() }),
  run: async (ctx, { id, value }) => {
    const money = value ? parseMoney(value) : null;
    if (value && !money) throw userError('invalid_input', 'error.value_invalid', { value: value.slice(0, 40) });
    const lead = await leads.markWon(ctx.actor, await leads.getLead(ctx.actor, id), money);
    return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice: ctx.t('lead.won', { id: leadRef(lead) }), undo: true })]);
  },
});

const lost = defineCommand({
  name: 'lead lost',
  help: 'help.lead.lost',
  parse: (args) => {
    const [id, reason] = splitFirst(args);
    return { id, reason };
  },
  input: z.object({ id: nonEmpty, reason: z.string() }),
  run: async (ctx, { id, reason }) => {
    const lead0 = await leads.getLead(ctx.actor, id);
    const lead = await leads.markLost(ctx.actor, lead0, reason);
    return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice: ctx.t('lead.lost', { id: leadRef(lead) }), undo: true })]);
  },
});

export async function assignReply(ctx: Ctx, leadId: { seq?: string; id?: string }, who: Mention) {
  const lead0 = leadId.seq ? await leads.getLead(ctx.actor, leadId.seq) : await leads.getLeadById(ctx.actor, leadId.id ?? '');
  const to = await memberForMention(ctx.actor, who);
  const { lead, notify, previous } = await leads.assignLead(ctx.actor, lead0, to);
  const view = await getLeadView(ctx.actor, lead);
  const card = leadCard(ctx, view, { notice: ctx.t('lead.assigned', { id: leadRef(lead), owner: memberName(to) }), undo: lead !== lead0 });
  const dms = [...(notify ? [assignedDm(ctx, view, to)] : []), ...(previous ? [reassignedAwayDm(ctx, lead, previous, to)] : [])];
  return reply([card], { notify: dms.length ? dms : undefined });
}

const assign = defineCommand({
  name: 'lead assign',
  help: 'help.lead.assign',
  parse: (args) => {
    const [id, who] = splitFirst(args);
    return { id, who: parseMention(who) };
  },
  input: z.object({ id: nonEmpty, who: mentionSchema }),
  run: (ctx, { id, who }) => assignReply(ctx, { seq: id }, who),
});

export async function nextReply(ctx: Ctx, lead0: Awaited<ReturnType<typeof leads.getLead>>, whenText: string) {
  const when = parseWhen(whenText, ctx.timeZone, ctx.actor.now());
  if (!when) throw fieldError('at', 'error.date_invalid', { value: whenText.slice(0, 60) });
  const lead = await leads.setNextFollowUp(ctx.actor, lead0, when.at, when.rest);
  return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice: ctx.t('lead.next_set', { id: leadRef(lead), when: ctx.formatDate(when.at) }) })]);
}

const next = defineCommand({
  name: 'lead next',
  help: 'help.lead.next',
  parse: (args) => {
    const [id, when] = splitFirst(args);
    return { id, when };
  },
  input: z.object({ id: nonEmpty, when: nonEmpty.max(LIMITS.what + 100) }),
  run: async (ctx, { id, when }) => nextReply(ctx, await leads.getLead(ctx.actor, id), when),
});

export const leadCommands: CommandDef<never>[] = [add, show, list, find, stage, won, lost, assign, next] as unknown as CommandDef<never>[];
