import type { Card, CardAction } from '../../platform/cards/card';
import type { MessageKey } from '../../platform/i18n';
import type { MatchReason } from '../matching';
import { leadRef, memberName, stageLabel, type LeadRow, type PersonName } from './lead.cards';
import { LEAD_ACTIONS } from './lead.ids';
import type { Ctx } from '../workspaces';

/** A candidate as the possible-duplicate card shows it. */
export interface PossibleRow {
  lead: LeadRow;
  owner: PersonName | null;
  visible: boolean;
  reasons: MatchReason[];
}

const reasonsText = (ctx: Ctx, reasons: MatchReason[]) => reasons.map((r) => ctx.t(`duplicate.reason.${r}` as MessageKey)).join(ctx.locale === 'zh-CN' ? '、' : ', ');

/**
 * "This may be a customer you already have": each candidate with why it matched, an Open button for
 * those the reader may see, and Create anyway. (No Merge here: merge joins two stored leads, and this one is not stored yet.)
 */
export function possibleCard(ctx: Ctx, rows: PossibleRow[], total: number, draftId: string): Card {
  const lines = rows.map((r) =>
    r.visible
      ? ctx.t('duplicate.possible.row', { id: leadRef(r.lead), company: r.lead.company, contact: r.lead.contactName, stage: stageLabel(ctx, r.lead.stage), owner: memberName(r.owner), reasons: reasonsText(ctx, r.reasons) })
      : ctx.t('duplicate.possible.hidden_row', { reasons: reasonsText(ctx, r.reasons) }),
  );
  const actions: CardAction[] = rows
    .filter((r) => r.visible)
    .map((r) => ({ id: LEAD_ACTIONS.leadOpen, label: ctx.t('lead.btn.open', { id: leadRef(r.lead) }), value: String(r.lead._id) }));
  actions.push({ id: LEAD_ACTIONS.leadCreateAnyway, label: ctx.t('lead.btn.create_anyway'), value: draftId });
  return { tone: 'warning', title: ctx.t('duplicate.possible.title', { count: total }), text: ctx.t('duplicate.possible.text'), lines, actions };
}
