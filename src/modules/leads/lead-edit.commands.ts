import { z } from 'zod';
import { reply, type Form, type Reply } from '../../platform/cards/card';
import type { LeadEntity } from './lead.model';
import * as leads from './leads.service';
import { canSeeLead, defineCommand, nonEmpty, type CommandDef } from '../workspaces';
import { deleteLead, editLead, getDeletedLead, reopenLead, restoreLead, type EditableField, type LeadEdit } from './lead-edit.service';
import { undoLast } from './undo.service';
import { userError } from '../../platform/errors';
import { splitFirst } from '../../platform/args';
import { infoCard, issuesCard, leadCard, leadRef, stageLabel } from './lead.cards';
import type { Ctx } from '../workspaces';
import { LEAD_ACTIONS, LEAD_FORMS, LEAD_VALUES } from './lead.ids';
import { getLeadView } from './lead-view.service';

// Edit, delete, restore, reopen and undo: the commands, their buttons and the edit form.

/** What a typed `field: value` may name, in English and Chinese (the words `/lead add` reads too). */
const EDIT_FIELDS: Record<string, EditableField> = {
  company: 'company', 公司: 'company', 客户: 'company',
  contact: 'contact', name: 'contact', 联系人: 'contact', 姓名: 'contact',
  phone: 'phones', tel: 'phones', mobile: 'phones', 电话: 'phones', 手机: 'phones',
  email: 'emails', mail: 'emails', 邮箱: 'emails',
  source: 'source', 来源: 'source',
  value: 'value', amount: 'value', 金额: 'value',
  tags: 'tags', tag: 'tags', 标签: 'tags',
};
const FIELD_NAMES = 'company, contact, phone, email, source, value, tags';

/** "phone: 138…; value: 80k" -> the edit; an unknown field name is refused, naming the ones there are. */
export function parseEdit(text: string): LeadEdit {
  const edit: LeadEdit = {};
  for (const part of text.split(/[;；\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = part.match(/^([^:：]{1,20}?)\s*[:：]\s*([\s\S]*)$/);
    const field = m ? EDIT_FIELDS[m[1].normalize('NFKC').trim().toLowerCase()] : undefined;
    if (!m || !field) throw userError('invalid_input', 'lead.edit_field_unknown', { value: (m?.[1] ?? part).slice(0, 30), fields: FIELD_NAMES });
    edit[field] = m[2].trim();
  }
  return edit;
}

function editForm(ctx: Ctx, lead: LeadEntity): Form {
  const f = (id: string, label: string, value: string, optional = true) => ({ id, label, kind: 'text' as const, initial: value || undefined, optional });
  const value = lead.value === null || lead.value === undefined ? '' : `${lead.value}${lead.currency ? ` ${lead.currency}` : ''}`;
  return {
    id: LEAD_FORMS.leadEdit,
    title: ctx.t('form.edit.title', { id: leadRef(lead) }),
    submitLabel: ctx.t('form.save'),
    closeLabel: ctx.t('form.cancel'),
    metadata: String(lead._id),
    example: `/lead edit ${leadRef(lead)} phone: +86 138-1234-5678; value: 80k`,
    fields: [
      f('company', ctx.t('lead.field.company'), lead.company, false),
      f('contact', ctx.t('lead.field.contact_name'), lead.contactName, false),
      f('phone', ctx.t('lead.field.phones'), lead.phones.join(', ')),
      f('email', ctx.t('lead.field.emails'), lead.emails.join(', ')),
      f('source', ctx.t('lead.field.source'), lead.source),
      f('value', ctx.t('lead.field.value'), value),
      f('tags', ctx.t('lead.field.tags'), lead.tags.join(' ')),
    ],
  };
}

async function editedReply(ctx: Ctx, lead: LeadEntity, edit: LeadEdit): Promise<Reply> {
  const res = await editLead(ctx.actor, lead, edit);
  if (res.kind === 'invalid') return reply([issuesCard(ctx, res.issues, `/lead edit ${leadRef(lead)} phone: +86 138-1234-5678`)]);
  if (res.kind === 'unchanged') return reply([leadCard(ctx, await getLeadView(ctx.actor, res.lead), { notice: ctx.t('lead.edit_unchanged', { id: leadRef(lead) }) })]);
  return reply([leadCard(ctx, await getLeadView(ctx.actor, res.lead), { notice: ctx.t('lead.edited', { id: leadRef(lead) }), undo: true })]);
}

const edit = defineCommand({
  name: 'lead edit',
  help: 'help.lead.edit',
  parse: (args) => {
    const [id, rest] = splitFirst(args);
    return { id, rest };
  },
  input: z.object({ id: nonEmpty, rest: z.string() }),
  run: async (ctx, { id, rest }) => {
    const lead = await leads.getLead(ctx.actor, id);
    if (!rest.trim()) return reply([], { form: editForm(ctx, lead) });
    return editedReply(ctx, lead, parseEdit(rest));
  },
});

function deletedCard(ctx: Ctx, lead: LeadEntity) {
  return { ...infoCard(ctx.t('lead.deleted', { id: leadRef(lead), company: lead.company })), actions: [{ id: LEAD_ACTIONS.leadUndo, label: ctx.t('lead.btn.undo'), value: String(lead._id) }] };
}

const del = defineCommand({
  name: 'lead delete',
  help: 'help.lead.delete',
  parse: (args) => ({ id: args }),
  input: z.object({ id: nonEmpty }),
  run: async (ctx, { id }) => reply([deletedCard(ctx, await deleteLead(ctx.actor, await leads.getLead(ctx.actor, id)))]),
});

const restore = defineCommand({
  name: 'lead restore',
  help: 'help.lead.restore',
  adminOnly: true,
  parse: (args) => ({ id: leads.parseLeadId(args) }),
  input: z.object({ id: z.number().int().min(1) }),
  run: async (ctx, { id }) => {
    const lead = await restoreLead(ctx.actor, await getDeletedLead(ctx.actor, id));
    return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice: ctx.t('lead.restored', { id: leadRef(lead) }) })]);
  },
});

async function reopenedReply(ctx: Ctx, lead0: LeadEntity, stage: string): Promise<Reply> {
  const lead = await reopenLead(ctx.actor, lead0, stage);
  return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice: ctx.t('lead.reopened', { id: leadRef(lead), stage: stageLabel(ctx, lead.stage) }), undo: true })]);
}

const reopen = defineCommand({
  name: 'lead reopen',
  help: 'help.lead.reopen',
  parse: (args) => {
    const [id, st] = splitFirst(args);
    return { id, stage: st };
  },
  input: z.object({ id: nonEmpty, stage: z.string() }),
  run: async (ctx, { id, stage }) => reopenedReply(ctx, await leads.getLead(ctx.actor, id), stage),
});

async function undoneReply(ctx: Ctx, leadId?: string): Promise<Reply> {
  const { lead } = await undoLast(ctx.actor, leadId);
  const notice = ctx.t('lead.undone', { id: leadRef(lead) });
  // Undoing "assign to me" can hand the lead back to someone the reader may not see.
  if (lead.deletedAt || !(await canSeeLead(ctx.actor, lead))) return reply([infoCard(notice)]);
  return reply([leadCard(ctx, await getLeadView(ctx.actor, lead), { notice })]);
}

const undo = defineCommand({
  name: 'undo',
  help: 'help.undo',
  runsWithoutArgs: true,
  parse: () => ({}),
  input: z.object({}),
  run: (ctx) => undoneReply(ctx),
});

export const leadEditCommands: CommandDef<never>[] = [edit, del, restore, reopen, undo] as unknown as CommandDef<never>[];

/** Buttons: Undo on a confirmation card, Reopen on a closed lead's card. */
export const leadEditActions: Record<string, (ctx: Ctx, value: string) => Promise<Reply>> = {
  // The button undoes the reader's last change to that lead (a newer change elsewhere does not hide it).
  [LEAD_ACTIONS.leadUndo]: async (ctx, value) => ({ ...(await undoneReply(ctx, value)), replaceOriginal: true }),
  [LEAD_ACTIONS.leadReopen]: async (ctx, value) => {
    const { id, from } = LEAD_VALUES.leadReopen.read(value);
    const lead = await leads.getLeadById(ctx.actor, id);
    if (from && from !== lead.stage) throw userError('conflict', 'lead.changed_meanwhile', { id: leadRef(lead) });
    return { ...(await reopenedReply(ctx, lead, '')), replaceOriginal: true };
  },
};

export const leadEditForms: Record<string, (ctx: Ctx, values: Record<string, string>, metadata: string) => Promise<Reply>> = {
  [LEAD_FORMS.leadEdit]: async (ctx, v, leadId) => {
    const lead = await leads.getLeadById(ctx.actor, leadId);
    const edit: LeadEdit = { company: v.company ?? '', contact: v.contact ?? '', phones: v.phone ?? '', emails: v.email ?? '', source: v.source ?? '', value: v.value ?? '', tags: v.tags ?? '' };
    const res = await editLead(ctx.actor, lead, edit);
    if (res.kind === 'invalid') return reply([], { formErrors: Object.fromEntries(res.issues.map((i) => [i.field, ctx.t(i.key, i.params)])) });
    const notice = res.kind === 'edited' ? ctx.t('lead.edited', { id: leadRef(lead) }) : ctx.t('lead.edit_unchanged', { id: leadRef(lead) });
    return reply([leadCard(ctx, await getLeadView(ctx.actor, res.lead), { notice, undo: res.kind === 'edited' })]);
  },
};
