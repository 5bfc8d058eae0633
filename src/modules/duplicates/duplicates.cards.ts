import type { Card } from '../../platform/cards/card';
import type { MessageKey } from '../../platform/i18n';
import type { Ctx } from '../workspaces';
import { mergeButton } from './merge.cards';
import { DUPLICATE_ACTIONS, DUPLICATE_VALUES } from './duplicates.ids';

/** One lead of a pair, as the list names it. */
export interface PairSide {
  id: string;
  ref: string;
  company: string;
  contact: string;
  owner: string;
}

export interface DuplicatesView {
  pairs: { a: PairSide; b: PairSide; verdict: 'same' | 'possible'; reasons: string[] }[];
  more: number;
  capped: boolean;
}

const reasonsText = (ctx: Ctx, reasons: string[]) => reasons.map((r) => ctx.t(`duplicate.reason.${r}` as MessageKey)).join(ctx.locale === 'zh-CN' ? '、' : ', ');
const sideLine = (ctx: Ctx, s: PairSide) => ctx.t('duplicates.pair.lead', { id: s.ref, company: s.company, contact: s.contact, owner: s.owner });

/** `/crm duplicates`: a heading, then one card per pair (both leads, why, Merge and Not a duplicate). */
export function duplicatesCards(ctx: Ctx, v: DuplicatesView, notice?: string): Card[] {
  const notes = notice ? [{ tone: 'success' as const, text: notice }] : [];
  if (!v.pairs.length) return [...notes, { tone: 'info', text: ctx.t('duplicates.none') }];
  const head: Card = { title: ctx.t('duplicates.title', { count: v.pairs.length + v.more }) };
  const cards: Card[] = v.pairs.map(({ a, b, verdict, reasons }) => ({
    tone: verdict === 'same' ? 'warning' : 'info',
    // One section per pair (its verdict, both leads, why) keeps ten pairs inside Slack's 50 blocks.
    lines: [
      ctx.t(verdict === 'same' ? 'duplicates.pair.same' : 'duplicates.pair.possible', { a: a.ref, b: b.ref }),
      sideLine(ctx, a),
      sideLine(ctx, b),
      ctx.t('duplicates.pair.reasons', { reasons: reasonsText(ctx, reasons) }),
    ],
    actions: [
      { ...mergeButton(ctx, a, b), style: 'primary' },
      { id: DUPLICATE_ACTIONS.duplicateDismiss, label: ctx.t('duplicates.btn.dismiss'), value: DUPLICATE_VALUES.duplicateDismiss.write({ a: a.id, b: b.id }) },
    ],
    commands: [`/lead merge ${a.ref} ${b.ref}`],
  }));
  const tail: Card[] = v.more ? [{ context: ctx.t(v.capped ? 'duplicates.more_capped' : 'duplicates.more', { count: v.more }) }] : [];
  return [...notes, head, ...cards, ...tail];
}
