// Messages of the follow-ups module (nudges), English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const followUpsMessages = {
  'nudge.no_interaction': {
    en: 'No interaction logged yet',
    'zh-CN': '还没有跟进记录',
  },
  'nudge.followup.title': {
    en: 'Follow-up due: {id} · {company}',
    'zh-CN': '该跟进了：{id} · {company}',
  },
  'nudge.field.planned': {
    en: 'Planned',
    'zh-CN': '计划',
  },
  'nudge.field.due': {
    en: 'Due',
    'zh-CN': '时间',
  },
  'nudge.field.last': {
    en: 'Last interaction',
    'zh-CN': '最近一次跟进',
  },
  'nudge.btn.log': {
    en: 'Log it',
    'zh-CN': '记录跟进',
  },
  'nudge.btn.snooze_day': {
    en: 'Snooze 1 day',
    'zh-CN': '推迟1天',
  },
  'nudge.btn.snooze_week': {
    en: 'Snooze 1 week',
    'zh-CN': '推迟1周',
  },
  'nudge.btn.lost': {
    en: 'Mark lost',
    'zh-CN': '标记丢单',
  },
  'nudge.quiet.title': {
    en: '{id} · {company} has gone quiet: no interaction for {days} days',
    'zh-CN': '{id} · {company} 已沉默：{days} 天没有跟进',
  },
  'nudge.escalation.title': {
    en: '{id} · {company} ({owner}) has had no interaction for {days} days',
    'zh-CN': '{id} · {company}（{owner}）已 {days} 天没有跟进',
  },
  'nudge.snoozed': {
    en: 'Snoozed: {id} · {company}, next follow-up {until}.',
    'zh-CN': '已推迟：{id} · {company}，下次跟进 {until}。',
  },
  'nudge.moved': {
    en: 'The follow-up on {id} was changed since this reminder was sent; nothing was snoozed.',
    'zh-CN': '{id} 的下次跟进时间在提醒发出后已被修改，未做推迟。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    'follow-ups': keyof typeof followUpsMessages;
  }
}
