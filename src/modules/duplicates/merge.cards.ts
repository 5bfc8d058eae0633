import type { Card, CardAction } from '../../platform/cards/card';
import type { Ctx } from '../workspaces';
import { MERGE_ACTIONS, MERGE_VALUES } from './merge.ids';

/** One of the two leads, as the merge cards name it. */
export interface MergeSide {
  id: string;
  ref: string;
  company: string;
  contact: string;
  owner: string;
  rev: number;
}

/** What the confirmation card shows: the pair and what moves onto the lead kept. */
export interface MergeConfirmView {
  keep: MergeSide;
  lose: MergeSide;
  interactions: number;
  tickets: number;
  phones: string[];
  emails: string[];
  tags: string[];
  /** The loser's value, when the survivor takes it (formatted). */
  value: string | null;
  /** The loser's next follow-up, when the survivor takes it (formatted). */
  followUp: string | null;
}

/** The Merge button other cards carry (a possible-duplicate card, the duplicates list): opens the confirmation. */
export function mergeButton(ctx: Ctx, a: { id: string }, b: { id: string }, keep?: string): CardAction {
  return { id: MERGE_ACTIONS.leadMerge, label: ctx.t('merge.btn.confirm'), value: MERGE_VALUES.leadMerge.write({ ids: [a.id, b.id], keep }) };
}

export function mergeConfirmCard(ctx: Ctx, v: MergeConfirmView, notice?: string): Card {
  const { keep, lose } = v;
  const lines = [
    ctx.t('merge.confirm.keep', { keep: keep.ref, company: keep.company, contact: keep.contact, owner: keep.owner }),
    ctx.t('merge.confirm.lose', { lose: lose.ref, keep: keep.ref, company: lose.company, contact: lose.contact, owner: lose.owner }),
    ctx.t('merge.confirm.moves', { keep: keep.ref, lose: lose.ref, interactions: v.interactions, tickets: v.tickets }),
  ];
  const list = (xs: string[]) => xs.join(ctx.locale === 'zh-CN' ? '、' : ', ');
  if (v.phones.length) lines.push(ctx.t('merge.confirm.phones', { list: list(v.phones) }));
  if (v.emails.length) lines.push(ctx.t('merge.confirm.emails', { list: list(v.emails) }));
  if (v.tags.length) lines.push(ctx.t('merge.confirm.tags', { list: list(v.tags) }));
  if (v.value) lines.push(ctx.t('merge.confirm.value', { lose: lose.ref, value: v.value }));
  if (v.followUp) lines.push(ctx.t('merge.confirm.followup', { lose: lose.ref, when: v.followUp }));
  return {
    tone: 'warning',
    title: ctx.t('merge.confirm.title', { keep: keep.ref, lose: lose.ref }),
    text: notice,
    lines,
    actions: [
      { id: MERGE_ACTIONS.leadMergeConfirm, label: ctx.t('merge.btn.confirm'), value: MERGE_VALUES.leadMergeConfirm.write({ keep: keep.id, lose: lose.id, s: keep.rev, l: lose.rev }), style: 'primary' },
      { ...mergeButton(ctx, keep, lose, lose.id), label: ctx.t('merge.btn.swap', { id: lose.ref }) },
      { id: MERGE_ACTIONS.leadMergeCancel, label: ctx.t('merge.btn.cancel'), value: lose.id },
    ],
    commands: [`/lead merge ${keep.ref} ${lose.ref} confirm`, `/lead merge ${lose.ref} ${keep.ref}`],
  };
}

/** The merge result; an admin's copy carries the Undo button. */
export function mergedCard(ctx: Ctx, r: { keep: string; lose: string; loseId: string; interactions: number; tickets: number }, admin: boolean): Card {
  const actions: CardAction[] = admin ? [{ id: MERGE_ACTIONS.leadUnmerge, label: ctx.t('merge.btn.undo'), value: MERGE_VALUES.leadUnmerge.write({ id: r.loseId }) }] : [];
  return {
    tone: 'success',
    text: ctx.t('merge.done', { keep: r.keep, lose: r.lose, interactions: r.interactions, tickets: r.tickets }),
    actions,
    commands: admin ? [`/lead unmerge ${r.lose}`] : undefined,
  };
}
