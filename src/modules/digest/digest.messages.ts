// Messages of the digest module (/pipeline, the weekly digest), English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const digestMessages = {
  'help.pipeline': {
    en: '`/pipeline [me|team|@user]`: the last seven days\' pipeline figures (new leads, moves, won/lost, weighted pipeline, leads gone quiet, activity, tickets)',
    'zh-CN': '`/pipeline [me|team|@用户]`：最近七天的销售漏斗数据（新线索、阶段变化、赢单/丢单、加权金额、沉默线索、跟进次数、工单）',
  },
  'pipeline.forbidden': {
    en: 'You can see your own pipeline; team figures and other people\'s are for their managers and admins.',
    'zh-CN': '你可以查看自己的漏斗；团队和他人的数据仅对其主管和管理员开放。',
  },
  'digest.title': {
    en: 'Pipeline · {scope} · {period}',
    'zh-CN': '销售漏斗 · {scope} · {period}',
  },
  'digest.everyone': {
    en: 'everyone',
    'zh-CN': '全员',
  },
  'digest.quiet': {
    en: 'No activity this week: no new leads, stage moves, interactions or tickets.',
    'zh-CN': '本周没有动静：没有新线索、阶段变化、跟进或工单。',
  },
  'digest.none': {
    en: 'none',
    'zh-CN': '无',
  },
  'digest.section.moves': {
    en: 'Stage moves',
    'zh-CN': '阶段变化',
  },
  'digest.section.conversion': {
    en: 'Conversion (of leads leaving a stage, how many moved forward)',
    'zh-CN': '转化（离开某阶段的线索中向前推进的比例）',
  },
  'digest.conversion_line': {
    en: '{stage}: {forward} of {exits} ({pct})',
    'zh-CN': '{stage}：{exits} 个中 {forward} 个（{pct}）',
  },
  'digest.section.pipeline': {
    en: 'Open pipeline by stage',
    'zh-CN': '各阶段在途线索',
  },
  'digest.section.stale': {
    en: 'Leads gone quiet ({count})',
    'zh-CN': '沉默线索（{count}）',
  },
  'digest.section.interactions': {
    en: 'Interactions per rep',
    'zh-CN': '各销售跟进次数',
  },
  'digest.section.completeness': {
    en: 'Complete records (of {total} open leads)',
    'zh-CN': '资料完整度（共 {total} 条在途线索）',
  },
  'digest.completeness_line': {
    en: 'phone or email {contact} · company {company} · source {source} · value {value}',
    'zh-CN': '电话或邮箱 {contact} · 公司 {company} · 来源 {source} · 金额 {value}',
  },
  'digest.field.new': {
    en: 'New leads',
    'zh-CN': '新线索',
  },
  'digest.field.moves': {
    en: 'Stage moves',
    'zh-CN': '阶段变化',
  },
  'digest.field.won': {
    en: 'Won',
    'zh-CN': '赢单',
  },
  'digest.field.lost': {
    en: 'Lost',
    'zh-CN': '丢单',
  },
  'digest.field.weighted': {
    en: 'Weighted pipeline',
    'zh-CN': '加权金额',
  },
  'digest.field.tickets': {
    en: 'Tickets',
    'zh-CN': '工单',
  },
  'digest.tickets_value': {
    en: '{opened} opened · {resolved} resolved · {past} past SLA',
    'zh-CN': '新建 {opened} · 解决 {resolved} · 超时 {past}',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    digest: keyof typeof digestMessages;
  }
}
