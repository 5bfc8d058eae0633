import type { Card } from '../../platform/cards/card';
import type { MessageKey } from '../../platform/i18n';
import { leadRef, memberName, stageLabel, type LeadRow, type PersonName, LEAD_ACTIONS } from '../leads';
import type { Ctx } from '../workspaces';
import { NUDGE_ACTIONS, NUDGE_VALUES } from './nudge.ids';

/** A lead as a nudge shows it: the row, its contact details and its planned follow-up. */
type NudgeLead = LeadRow & { phones: string[]; emails: string[]; nextFollowUpAt?: Date | null; nextFollowUpWhat?: string | null };

interface LastInteraction {
  kind: string;
  text: string;
  at: Date;
}

function lastLine(ctx: Ctx, last: LastInteraction | null): string {
  if (!last) return ctx.t('nudge.no_interaction');
  const text = last.text.length > 200 ? `${last.text.slice(0, 199)}…` : last.text;
  return `${ctx.formatDate(last.at)} · ${ctx.t(`interaction.${last.kind}` as MessageKey)}: ${text}`;
}

/** "Follow-up due": the lead, what was planned, the last interaction; Log it, Snooze, Mark lost. */
export function followUpNudgeCard(ctx: Ctx, lead: NudgeLead, last: LastInteraction | null): Card {
  const id = String(lead._id);
  const due = lead.nextFollowUpAt ?? new Date(0);
  const ref = leadRef(lead);
  return {
    tone: 'info',
    title: ctx.t('nudge.followup.title', { id: ref, company: lead.company }),
    fields: [
      { label: ctx.t('nudge.field.planned'), value: lead.nextFollowUpWhat || '—' },
      { label: ctx.t('nudge.field.due'), value: ctx.formatDate(due) },
      { label: ctx.t('lead.field.contact'), value: [lead.contactName, ...lead.phones, ...lead.emails].join(' · ') },
      { label: ctx.t('lead.field.stage'), value: stageLabel(ctx, lead.stage) },
      { label: ctx.t('nudge.field.last'), value: lastLine(ctx, last) },
    ],
    actions: [
      { id: LEAD_ACTIONS.leadLog, label: ctx.t('nudge.btn.log'), value: id, style: 'primary' },
      { id: NUDGE_ACTIONS.nudgeSnooze, label: ctx.t('nudge.btn.snooze_day'), value: NUDGE_VALUES.nudgeSnooze.write({ id, days: 1, due: due.getTime() }) },
      { id: NUDGE_ACTIONS.nudgeSnooze, label: ctx.t('nudge.btn.snooze_week'), value: NUDGE_VALUES.nudgeSnooze.write({ id, days: 7, due: due.getTime() }) },
      { id: LEAD_ACTIONS.leadLost, label: ctx.t('nudge.btn.lost'), value: id, style: 'danger' },
    ],
    commands: [`/log ${ref} call …`, `/lead next ${ref} tomorrow 10am …`, `/lead lost ${ref} …`],
  };
}

/** "Gone quiet": no interaction for N days; to the owner. */
export function quietNudgeCard(ctx: Ctx, lead: LeadRow, days: number, last: LastInteraction | null): Card {
  const id = String(lead._id);
  const ref = leadRef(lead);
  return {
    tone: 'warning',
    title: ctx.t('nudge.quiet.title', { id: ref, company: lead.company, days }),
    fields: [
      { label: ctx.t('lead.field.stage'), value: stageLabel(ctx, lead.stage) },
      { label: ctx.t('nudge.field.last'), value: lastLine(ctx, last) },
    ],
    actions: [
      { id: LEAD_ACTIONS.leadLog, label: ctx.t('nudge.btn.log'), value: id, style: 'primary' },
      { id: LEAD_ACTIONS.leadFollowUp, label: ctx.t('lead.btn.followup'), value: id },
      { id: LEAD_ACTIONS.leadLost, label: ctx.t('nudge.btn.lost'), value: id, style: 'danger' },
    ],
    commands: [`/log ${ref} call …`, `/lead lost ${ref} …`],
  };
}

/** "Escalated": to the owner's manager, after M more quiet days. */
export function quietEscalationCard(ctx: Ctx, lead: LeadRow, owner: PersonName | null, days: number, last: LastInteraction | null): Card {
  const id = String(lead._id);
  return {
    tone: 'warning',
    title: ctx.t('nudge.escalation.title', { id: leadRef(lead), company: lead.company, owner: memberName(owner), days }),
    fields: [
      { label: ctx.t('lead.field.owner'), value: memberName(owner) },
      { label: ctx.t('lead.field.stage'), value: stageLabel(ctx, lead.stage) },
      { label: ctx.t('nudge.field.last'), value: lastLine(ctx, last) },
    ],
    actions: [
      { id: LEAD_ACTIONS.leadOpen, label: ctx.t('lead.btn.open', { id: leadRef(lead) }), value: id, style: 'primary' },
      { id: LEAD_ACTIONS.leadReassign, label: ctx.t('lead.btn.reassign'), value: id },
    ],
    commands: [`/lead show ${leadRef(lead)}`],
  };
}
