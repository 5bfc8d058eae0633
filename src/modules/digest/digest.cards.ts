import type { Card } from '../../platform/cards/card';
import type { Amount, DigestFigures } from './digest.figures';
import { leadRef, stageLabel } from '../leads';
import type { Ctx } from '../workspaces';

/** Nothing happened: no new leads, no moves, no interactions, no tickets opened or resolved. */
export function isQuietWeek(f: DigestFigures): boolean {
  return f.newLeads === 0 && f.movesTotal === 0 && f.interactions.length === 0 && f.tickets.opened === 0 && f.tickets.resolved === 0;
}

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '—');

function money(ctx: Ctx, amounts: Amount[]): string {
  return amounts.length ? amounts.map((a) => ctx.formatMoney(a.amount, a.currency || null)).join(' + ') : '—';
}

function day(ctx: Ctx, d: Date): string {
  return new Intl.DateTimeFormat(ctx.locale, { timeZone: ctx.timeZone, month: 'short', day: 'numeric' }).format(d);
}

/** The digest (and /pipeline) card; a week without activity is one line. */
export function digestCard(ctx: Ctx, f: DigestFigures, scope: string): Card {
  const period = `${day(ctx, f.window.from)} – ${day(ctx, new Date(f.window.to.getTime() - 1))}`;
  const title = ctx.t('digest.title', { scope, period });
  if (isQuietWeek(f)) return { title, text: ctx.t('digest.quiet') };
  const c = f.completeness;
  const lines = [
    ctx.t('digest.section.moves'),
    ...(f.moves.length ? f.moves.map((m) => `• ${stageLabel(ctx, m.from)} → ${stageLabel(ctx, m.to)}: ${m.count}`) : [`• ${ctx.t('digest.none')}`]),
    ctx.t('digest.section.conversion'),
    ...(f.conversion.length
      ? f.conversion.map((x) => `• ${ctx.t('digest.conversion_line', { stage: stageLabel(ctx, x.stage), forward: x.forward, exits: x.exits, pct: pct(x.forward, x.exits) })}`)
      : [`• ${ctx.t('digest.none')}`]),
    ctx.t('digest.section.pipeline'),
    ...f.pipeline.map((p) => `• ${stageLabel(ctx, p.stage)}: ${p.count} · ${money(ctx, p.value)}`),
    ctx.t('digest.section.stale', { count: f.stale.total }),
    ...(f.stale.leads.length ? f.stale.leads.map((l) => `• ${leadRef(l)} · ${l.company} · ${l.owner}`) : [`• ${ctx.t('digest.none')}`]),
    ctx.t('digest.section.interactions'),
    ...(f.interactions.length ? f.interactions.map((i) => `• ${i.member}: ${i.count}`) : [`• ${ctx.t('digest.none')}`]),
    ctx.t('digest.section.completeness', { total: c.total }),
    `• ${ctx.t('digest.completeness_line', { contact: pct(c.contact, c.total), company: pct(c.company, c.total), source: pct(c.source, c.total), value: pct(c.value, c.total) })}`,
  ];
  return {
    title,
    fields: [
      { label: ctx.t('digest.field.new'), value: String(f.newLeads) },
      { label: ctx.t('digest.field.moves'), value: String(f.movesTotal) },
      { label: ctx.t('digest.field.won'), value: `${f.won.count} · ${money(ctx, f.won.value)}` },
      { label: ctx.t('digest.field.lost'), value: `${f.lost.count} · ${money(ctx, f.lost.value)}` },
      { label: ctx.t('digest.field.weighted'), value: money(ctx, f.weighted) },
      { label: ctx.t('digest.field.tickets'), value: ctx.t('digest.tickets_value', { opened: f.tickets.opened, resolved: f.tickets.resolved, past: f.tickets.pastSla }) },
    ],
    lines,
  };
}
