import type { Card } from '../../platform/cards/card';
import type { MessageKey } from '../../platform/i18n';
import { PRIORITIES, readPriority, type Priority } from './setting-input';
import { openStages, stageName } from './stages';
import { SETTING_NAMES, type SettingName } from './setting-names';
import type { ConfigResult } from './settings-result';
import type { Ctx } from './ctx';

type Settings = NonNullable<ConfigResult['workspace']['settings']>;

// Catalogue keys use underscores: `settings.name.stale_days`.
const keyOf = (name: SettingName) => name.replace(/-/g, '_');

/** 90 -> "1 h 30 min", 2880 -> "2 d". */
function duration(ctx: Ctx, minutes: number): string {
  const parts: [number, MessageKey][] = [
    [Math.floor(minutes / 1440), 'duration.days'],
    [Math.floor((minutes % 1440) / 60), 'duration.hours'],
    [minutes % 60, 'duration.minutes'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, key]) => ctx.t(key, { n })).join(' ');
}

/** [1..5] -> "Mon–Fri"; [1, 3, 5] -> "Mon, Wed, Fri". */
function weekdays(ctx: Ctx, days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const day = (d: number) => ctx.t(`weekday.short.${d}` as MessageKey);
  const run = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (run) return ctx.t('settings.day_range', { from: day(sorted[0]), to: day(sorted[sorted.length - 1]) });
  return sorted.map(day).join(ctx.t('settings.separator'));
}

/** A channel as stored (`#C0123…` on Slack, since card text cannot hold a live mention; `#name` in the sandbox), or "a group robot" on WeCom. */
function channelText(ctx: Ctx, channel: string): string {
  return /^https:\/\//.test(channel) ? ctx.t('settings.group_robot') : `#${channel}`;
}

function slaLine(ctx: Ctx, s: Settings, p: Priority): string {
  const target = s.sla?.[p];
  return ctx.t('settings.value.sla', { priority: ctx.t(`ticket.priority.${p}`), claim: duration(ctx, target?.claim ?? 0), resolve: duration(ctx, target?.resolve ?? 0) });
}

function stagesText(ctx: Ctx, s: Settings): string {
  const open = openStages(s).map((x) => stageName(s, ctx.locale, x));
  return ctx.t('settings.value.stages', { open: open.join(' → '), won: stageName(s, ctx.locale, 'won'), lost: stageName(s, ctx.locale, 'lost') });
}

/** One setting's value, said in words. */
export function settingValue(ctx: Ctx, s: Settings, name: SettingName): string {
  switch (name) {
    case 'locale':
      return ctx.t(`locale.${s.locale}` as MessageKey);
    case 'timezone':
      return s.timezone;
    case 'stages':
      return stagesText(ctx, s);
    case 'assignment':
      return ctx.t(s.assignment === 'round_robin' ? 'settings.value.assignment_round_robin' : 'settings.value.assignment_creator');
    case 'stale-days':
      return ctx.t('settings.value.stale_days', { days: s.staleDays });
    case 'escalate-days':
      return ctx.t('settings.value.escalate_days', { days: s.escalateDays });
    case 'work-hours':
      return ctx.t('settings.value.work_hours', { start: s.workHours?.start ?? '', end: s.workHours?.end ?? '', days: weekdays(ctx, s.workHours?.days ?? []) });
    case 'digest':
      return ctx.t('settings.value.digest', { day: ctx.t(`weekday.long.${s.digest?.day ?? 1}` as MessageKey), time: s.digest?.time ?? '' });
    case 'digest-channel': {
      const channels = s.digest?.channels ?? [];
      if (!channels.length) return ctx.t('settings.value.digest_managers');
      const line = (c: (typeof channels)[number]) => ctx.t('settings.value.digest_channel', { team: c.team || ctx.t('settings.no_team'), channel: channelText(ctx, c.channel ?? '') });
      return channels.map(line).join(ctx.t('settings.separator'));
    }
    case 'currency':
      return s.currency;
    case 'support-channel':
      return s.supportChannel ? channelText(ctx, s.supportChannel) : ctx.t('settings.value.support_none');
    case 'sla':
      return PRIORITIES.map((p) => slaLine(ctx, s, p)).join(ctx.t('settings.sentence_separator'));
  }
}

/** `/crm config` alone: every setting, its value and how to change it. */
export function settingsCard(ctx: Ctx, s: Settings, stranded: { stage: string; count: number }[] = []): Card {
  const lines = SETTING_NAMES.map((n) =>
    ctx.t('settings.line', { label: ctx.t(`settings.name.${keyOf(n)}` as MessageKey), value: settingValue(ctx, s, n), example: ctx.t(`settings.example.${keyOf(n)}` as MessageKey) }),
  );
  // Leads left in a removed stage by an older change: say so, and how to bring them back.
  const warning = stranded.length
    ? ctx.t('settings.stranded', {
        stages: stranded.map((x) => `${stageName(s, ctx.locale, x.stage)} (${x.count})`).join(ctx.t('settings.separator')),
        example: `/crm config stages ${openStages(s).join(', ')} move ${stranded[0].stage} to ${s.stages[0]}`,
      })
    : undefined;
  return { tone: stranded.length ? 'warning' : 'info', title: ctx.t('settings.title'), text: warning, lines, context: ctx.t('settings.intro') };
}

/** The confirmation of one change, as a sentence ("Saved. High: claim within 30 min, resolve within 4 h."). */
export function savedText(ctx: Ctx, result: ConfigResult, name: SettingName, typed: string): string {
  const s = result.workspace.settings!;
  const priority = name === 'sla' ? readPriority(typed.split(/\s+/)[0] ?? '') : null;
  const sentence = priority ? slaLine(ctx, s, priority) : ctx.t('settings.sentence', { label: ctx.t(`settings.name.${keyOf(name)}` as MessageKey), value: settingValue(ctx, s, name) });
  const moved = result.moved.map((m) => ctx.t('crm.stages_moved', { count: m.count, from: stageName(s, ctx.locale, m.from), to: stageName(s, ctx.locale, m.to) }));
  return [ctx.t('crm.config_saved', { sentence }), ...moved].join('\n');
}
