import { z } from 'zod';
import { reply, type Reply } from '../../platform/cards/card';
import { AppError } from '../../platform/errors';
import type { MessageKey } from '../../platform/i18n';
import { defineCommand, memberName, type CommandDef, type Ctx } from '../workspaces';
import { getLeadView, infoCard, leadCard, leadRef, membersById, type LeadEntity } from '../leads';
import { loadPair, mergeLeads, olderFirst, previewMerge, unmergeLead, type MergePreview } from './merge.service';
import { mergeConfirmCard, mergedCard, type MergeSide } from './merge.cards';
import { MERGE_ACTIONS, MERGE_VALUES } from './merge.ids';

// `/lead merge L-12 L-31` (合并 L-12 L-31): a confirmation card first, the merge on Confirm (or typed
// `confirm`/`确认` where there are no buttons); `/lead unmerge L-31` (取消合并) for admins.

function side(lead: LeadEntity, owner: string): MergeSide {
  return { id: String(lead._id), ref: leadRef(lead), company: lead.company, contact: lead.contactName, owner, rev: lead.rev ?? 0 };
}

async function confirmReply(ctx: Ctx, p: MergePreview, notice?: string): Promise<Reply> {
  const owners = await membersById(ctx.actor, [p.survivor.ownerId, p.loser.ownerId]);
  const name = (l: LeadEntity) => memberName(owners.get(String(l.ownerId)) ?? null);
  const added = (field: 'phones' | 'emails' | 'tags') => ((p.set[field] as string[] | undefined) ?? []).filter((x) => !p.survivor[field].includes(x));
  const value = 'value' in p.set && typeof p.set.value === 'number' ? ctx.formatMoney(p.set.value, (p.set.currency as string | null) ?? null) : null;
  const followUp = p.set.nextFollowUpAt instanceof Date ? ctx.formatDate(p.set.nextFollowUpAt) : null;
  const view = { keep: side(p.survivor, name(p.survivor)), lose: side(p.loser, name(p.loser)), interactions: p.interactions, tickets: p.tickets, phones: added('phones'), emails: added('emails'), tags: added('tags'), value, followUp };
  return reply([mergeConfirmCard(ctx, view, notice)]);
}

async function mergedReply(ctx: Ctx, keep: string, lose: string, basis?: { s: number; l: number }): Promise<Reply> {
  try {
    const r = await mergeLeads(ctx.actor, keep, lose, basis);
    const done = mergedCard(ctx, { keep: leadRef(r.survivor), lose: leadRef(r.loser), loseId: String(r.loser._id), interactions: r.interactions, tickets: r.tickets }, ctx.actor.member.role === 'admin');
    return reply([done, leadCard(ctx, await getLeadView(ctx.actor, r.survivor))]);
  } catch (err) {
    // A confirmation shown before one of the leads changed: show the merge as it would be now.
    if (!(err instanceof AppError) || err.userMessage.key !== 'merge.changed_since') throw err;
    return confirmReply(ctx, await previewMerge(ctx.actor, await loadPair(ctx.actor, keep, lose)), ctx.t(err.userMessage.key, err.userMessage.params));
  }
}

const CONFIRM_WORDS = ['confirm', 'yes', '确认', '确定'];

const merge = defineCommand({
  name: 'lead merge',
  help: 'help.lead.merge',
  parse: (args) => {
    const [keep, lose, word, ...rest] = args.split(/[\s\u3000,，、]+/).filter(Boolean);
    return { keep, lose, confirm: word === undefined ? false : CONFIRM_WORDS.includes(word.toLowerCase()) ? true : undefined, rest: rest.length };
  },
  input: z.object({ keep: z.string().min(1), lose: z.string().min(1), confirm: z.boolean(), rest: z.literal(0) }),
  run: async (ctx, { keep, lose, confirm }) => {
    if (confirm) return mergedReply(ctx, keep, lose);
    return confirmReply(ctx, await previewMerge(ctx.actor, await loadPair(ctx.actor, keep, lose)));
  },
});

/** The survivor fields an unmerge may leave as they are, by the names the lead card gives them. */
const FIELD_LABELS: Record<string, MessageKey> = {
  phones: 'lead.field.phones', emails: 'lead.field.emails', tags: 'lead.field.tags', value: 'lead.field.value', currency: 'lead.field.value',
  source: 'lead.field.source', nextFollowUpAt: 'lead.field.next', nextFollowUpWhat: 'lead.field.next', followUpPending: 'lead.field.next',
};

function fieldNames(ctx: Ctx, fields: string[]): string {
  // Keys, contact times and assumed regions follow the fields people read; they are not named apart.
  const names = fields.map((f) => FIELD_LABELS[f]).filter((k): k is MessageKey => Boolean(k)).map((k) => ctx.t(k));
  return [...new Set(names)].join(ctx.locale === 'zh-CN' ? '、' : ', ');
}

async function unmergedReply(ctx: Ctx, ref: string): Promise<Reply> {
  const r = await unmergeLead(ctx.actor, ref);
  const ids = { keep: leadRef(r.survivor), lose: leadRef(r.loser) };
  const notes = [ctx.t('merge.undone', ids)];
  const kept = fieldNames(ctx, r.kept);
  if (kept) notes.push(ctx.t('merge.undone_kept', { keep: ids.keep, fields: kept }));
  return reply([infoCard(notes.join('\n')), leadCard(ctx, await getLeadView(ctx.actor, r.loser))]);
}

const unmerge = defineCommand({
  name: 'lead unmerge',
  help: 'help.lead.unmerge',
  adminOnly: true,
  parse: (args) => ({ id: args.trim() }),
  input: z.object({ id: z.string().min(1) }),
  run: (ctx, { id }) => unmergedReply(ctx, id),
});

export const mergeCommands: CommandDef<never>[] = [merge, unmerge] as unknown as CommandDef<never>[];

export const mergeActions: Record<string, (ctx: Ctx, value: string) => Promise<Reply>> = {
  [MERGE_ACTIONS.leadMerge]: async (ctx, value) => {
    const { ids, keep } = MERGE_VALUES.leadMerge.read(value);
    const pair = await loadPair(ctx.actor, ids[0], ids[1]);
    const [survivor, loser] = keep ? (pair.loser._id.equals(keep) ? [pair.loser, pair.survivor] : [pair.survivor, pair.loser]) : olderFirst(pair.survivor, pair.loser);
    return { ...(await confirmReply(ctx, await previewMerge(ctx.actor, { survivor, loser }))), replaceOriginal: true };
  },
  [MERGE_ACTIONS.leadMergeConfirm]: async (ctx, value) => {
    const { keep, lose, s, l } = MERGE_VALUES.leadMergeConfirm.read(value);
    return { ...(await mergedReply(ctx, keep, lose, { s, l })), replaceOriginal: true };
  },
  [MERGE_ACTIONS.leadMergeCancel]: async (ctx) => reply([infoCard(ctx.t('merge.cancelled'), 'info')], { replaceOriginal: true }),
  [MERGE_ACTIONS.leadUnmerge]: async (ctx, value) => {
    const { id } = MERGE_VALUES.leadUnmerge.read(value);
    return { ...(await unmergedReply(ctx, id)), replaceOriginal: true };
  },
};
