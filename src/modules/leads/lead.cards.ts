import type { Card, CardAction } from '../../platform/cards/card';
import type { LeadEntity } from './lead.model';
import type { MemberEntity } from '../workspaces';
import type { MessageKey } from '../../platform/i18n';
import { matchStage, stageName } from '../workspaces';
import { membersById, openStages, recentInteractions } from './leads.service';
import type { FieldIssue } from './lead-input';
import { formatPhone } from './normalize';
import type { Ctx } from '../workspaces';

export const leadRef = (lead: { seq: number }) => `L-${lead.seq}`;

export function stageLabel(ctx: Ctx, stage: string): string {
  return stageName(ctx.actor.workspace.settings, ctx.locale, stage);
}

/** Every name a stage may be typed by: its id and its label in each language, with the stage it names. */
export function stageNames(ctx: Ctx): [string, string][] {
  const settings = ctx.actor.workspace.settings;
  const names = (s: string) => [...new Set([s, stageName(settings, 'en', s), stageName(settings, 'zh-CN', s)])];
  return (settings?.stages ?? []).flatMap((s) => names(s).map((n): [string, string] => [n, s]));
}

/** The stage id a typed name (`proposal`, `Proposal`, `方案报价`, `ＰＲＯＰＯＳＡＬ`) stands for, if any. */
export function stageIdOf(ctx: Ctx, typed: string): string | undefined {
  const settings = ctx.actor.workspace.settings;
  return matchStage(settings, settings?.stages ?? [], typed);
}

import { memberName } from '../workspaces';
import { LEAD_ACTIONS } from './lead.ids';
import { LEAD_VALUES } from './lead.ids';

export { memberName };

function valueText(ctx: Ctx, lead: LeadEntity): string {
  return lead.value === null || lead.value === undefined ? '—' : ctx.formatMoney(lead.value, lead.currency ?? null);
}

/** When the next follow-up is due; one already past on an open lead says it is overdue. */
function followUpWhen(ctx: Ctx, lead: LeadEntity, at: Date): string {
  const when = ctx.formatDate(at);
  const open = lead.stage !== 'won' && lead.stage !== 'lost';
  return open && at.getTime() < ctx.actor.now().getTime() ? ctx.t('lead.field.next_overdue', { when }) : when;
}

/** A phone as typed; when its region was assumed, also how it was read ("+86 22 4345 0728 ext. 814"). */
function phoneText(ctx: Ctx, lead: LeadEntity, raw: string, i: number): string {
  const key = lead.keys?.phones?.[i];
  return key && lead.phoneGuesses?.includes(key) ? ctx.t('lead.phone_guessed', { phone: raw, intl: formatPhone(key) }) : raw;
}

/** The lead card: contact, company, stage, value, owner, next follow-up, last five interactions, buttons. */
/** `undo`: the card confirms a change the reader can take back (`/undo`), so it carries an Undo button. */
export async function leadCard(ctx: Ctx, lead: LeadEntity, opts: { notice?: string; undo?: boolean } = {}): Promise<Card> {
  const [owners, interactions] = await Promise.all([membersById(ctx.actor, [lead.ownerId]), recentInteractions(ctx.actor, lead, 5)]);
  const authors = await membersById(ctx.actor, interactions.map((i) => i.authorId));
  const owner = owners.get(String(lead.ownerId));
  const next = lead.nextFollowUpAt ? `${followUpWhen(ctx, lead, lead.nextFollowUpAt)}${lead.nextFollowUpWhat ? ` · ${lead.nextFollowUpWhat}` : ''}` : '—';
  const contact = [lead.contactName, ...lead.phones.map((p, i) => phoneText(ctx, lead, p, i)), ...lead.emails].join(' · ');
  const fields = [
    { label: ctx.t('lead.field.contact'), value: contact },
    { label: ctx.t('lead.field.stage'), value: stageLabel(ctx, lead.stage) + (lead.stage === 'lost' && lead.lostReason ? ` (${lead.lostReason})` : '') },
    { label: ctx.t('lead.field.value'), value: valueText(ctx, lead) },
    { label: ctx.t('lead.field.owner'), value: memberName(owner) },
    { label: ctx.t('lead.field.next'), value: next },
  ];
  if (lead.source) fields.push({ label: ctx.t('lead.field.source'), value: lead.source });
  if (lead.tags.length) fields.push({ label: ctx.t('lead.field.tags'), value: lead.tags.join(', ') });
  const lines = interactions.map(
    (i) => `${ctx.formatDate(i.at)} · ${ctx.t(`interaction.${i.kind}` as MessageKey)} · ${memberName(authors.get(String(i.authorId)))}: ${i.text}`,
  );
  const id = String(lead._id);
  const actions: CardAction[] = opts.undo ? [{ id: LEAD_ACTIONS.leadUndo, label: ctx.t('lead.btn.undo'), value: id }] : [];
  const isOpen = lead.stage !== 'won' && lead.stage !== 'lost';
  const open = openStages(ctx.actor);
  const at = open.indexOf(lead.stage);
  const nextStage = at >= 0 ? open[at + 1] : undefined;
  if (isOpen && nextStage) actions.push({ id: LEAD_ACTIONS.leadAdvance, label: ctx.t('lead.btn.advance', { stage: stageLabel(ctx, nextStage) }), value: LEAD_VALUES.leadAdvance.write({ id, from: lead.stage }), style: 'primary' });
  actions.push({ id: LEAD_ACTIONS.leadLog, label: ctx.t('lead.btn.log'), value: id });
  // A closed lead gets no follow-ups; it offers Reopen instead.
  if (isOpen) actions.push({ id: LEAD_ACTIONS.leadFollowUp, label: ctx.t('lead.btn.followup'), value: id });
  else actions.push({ id: LEAD_ACTIONS.leadReopen, label: ctx.t('lead.btn.reopen'), value: LEAD_VALUES.leadReopen.write({ id, from: lead.stage }) });
  if (!lead.ownerId.equals(ctx.actor.member._id)) actions.push({ id: LEAD_ACTIONS.leadAssignMe, label: ctx.t('lead.btn.assign_me'), value: id });
  actions.push({ id: LEAD_ACTIONS.leadReassign, label: ctx.t('lead.btn.reassign'), value: id });
  if (isOpen) {
    actions.push({ id: LEAD_ACTIONS.leadWon, label: ctx.t('lead.btn.won'), value: LEAD_VALUES.leadWon.write({ id, from: lead.stage }), style: 'primary' });
    actions.push({ id: LEAD_ACTIONS.leadLost, label: ctx.t('lead.btn.lost'), value: id, style: 'danger' });
  }
  return {
    title: `${leadRef(lead)} · ${lead.company}`,
    text: opts.notice,
    fields,
    lines: lines.length ? [ctx.t('lead.recent'), ...lines] : [ctx.t('lead.no_interactions')],
    actions,
  };
}

/** "Possible duplicate of L-12": details and an Open button only for a lead the caller may see. */
export function duplicateCard(ctx: Ctx, existing: LeadEntity, owner: MemberEntity | null, draftId: string, visible: boolean): Card {
  // A rep cannot see a teammate's lead either: "outside your team" would be untrue for them.
  const hidden = ctx.actor.member.role === 'rep' ? ctx.t('lead.duplicate.hidden_rep') : ctx.t('lead.duplicate.hidden');
  const actions: CardAction[] = [{ id: LEAD_ACTIONS.leadCreateAnyway, label: ctx.t('lead.btn.create_anyway'), value: draftId }];
  if (visible) actions.unshift({ id: LEAD_ACTIONS.leadOpen, label: ctx.t('lead.btn.open', { id: leadRef(existing) }), value: String(existing._id), style: 'primary' });
  return {
    tone: 'warning',
    title: ctx.t('lead.duplicate.title', { id: leadRef(existing), owner: memberName(owner) }),
    text: visible
      ? ctx.t('lead.duplicate.text', { company: existing.company, contact: existing.contactName, stage: stageLabel(ctx, existing.stage) })
      : hidden,
    actions,
  };
}

export function issuesCard(ctx: Ctx, issues: FieldIssue[], example: string): Card {
  return {
    tone: 'error',
    title: ctx.t('lead.add.problems'),
    lines: issues.map((i) => `• ${ctx.t(i.key, i.params)}`),
    context: `${ctx.t('help.example')} ${example}`,
  };
}

export function leadListCard(ctx: Ctx, title: string, leads: LeadEntity[], owners: Map<string, MemberEntity>, page: number, pages: number, pageValue: (p: number) => string): Card {
  const lines = leads.map(
    (l) => `${leadRef(l)} · ${l.company} · ${l.contactName} · ${stageLabel(ctx, l.stage)} · ${valueText(ctx, l)} · ${memberName(owners.get(String(l.ownerId)))}`,
  );
  const actions: CardAction[] = [];
  if (page > 1) actions.push({ id: LEAD_ACTIONS.leadPage, label: ctx.t('list.prev'), value: pageValue(page - 1) });
  if (page < pages) actions.push({ id: LEAD_ACTIONS.leadPage, label: ctx.t('list.next'), value: pageValue(page + 1) });
  // One Open button per row, after paging (WeCom shows six buttons and names the rest).
  for (const l of leads) actions.push({ id: LEAD_ACTIONS.leadOpen, label: ctx.t('lead.btn.open', { id: leadRef(l) }), value: String(l._id) });
  return {
    title,
    lines: lines.length ? lines : [ctx.t('list.empty')],
    context: ctx.t('list.page', { page, pages }),
    actions,
  };
}

// Generic one-line cards live in platform/cards; kept here for the lead module's callers.
export { errorCard, infoCard } from '../../platform/cards/notices';
