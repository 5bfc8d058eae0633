// Messages of the interactions module (/log, interaction kinds), English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const interactionsMessages = {
  'interaction.call': {
    en: 'Call',
    'zh-CN': '电话',
  },
  'interaction.meeting': {
    en: 'Meeting',
    'zh-CN': '会议',
  },
  'interaction.visit': {
    en: 'Visit',
    'zh-CN': '拜访',
  },
  'interaction.email': {
    en: 'Email',
    'zh-CN': '邮件',
  },
  'interaction.wechat': {
    en: 'WeChat',
    'zh-CN': '微信',
  },
  'interaction.note': {
    en: 'Note',
    'zh-CN': '备注',
  },
  'interaction.complaint': {
    en: 'Complaint',
    'zh-CN': '投诉',
  },
  'help.log': {
    en: '`/log L-12 call|meeting|visit|email|wechat|note|complaint <text> [next: <when> <what>]`: log a customer touch (电话, 会议, 拜访, 邮件, 微信, 备注, 投诉 work too)',
    'zh-CN': '`/log L-12 电话|会议|拜访|邮件|微信|备注|投诉 <内容> [下次：<时间> <事项>]`：记录一次跟进（也可用 call、meeting 等英文）',
  },
  'log.complaint_ticket': {
    en: 'This complaint opened a ticket.',
    'zh-CN': '该投诉已自动创建工单。',
  },
  'log.example_text': {
    en: 'discussed pricing',
    'zh-CN': '沟通了报价',
  },
  'log.field.kind': {
    en: 'Kind',
    'zh-CN': '类型',
  },
  'log.field.lead': {
    en: 'Lead',
    'zh-CN': '线索',
  },
  'log.field.text': {
    en: 'What happened',
    'zh-CN': '沟通内容',
  },
  'log.form_title': {
    en: 'Log to lead',
    'zh-CN': '记录到线索',
  },
  'log.history_title': {
    en: 'History of {id} · {company} ({total})',
    'zh-CN': '{id} · {company} 的跟进记录（{total}）',
  },
  'log.from_message': {
    en: 'from a message by {author}',
    'zh-CN': '来自 {author} 的消息',
  },
  'log.kind_unknown': {
    en: '“{value}” is not a kind of interaction. Kinds: {kinds}.',
    'zh-CN': '“{value}”不是跟进类型。可用类型：{kinds}。',
  },
  'log.kind_choose': {
    en: 'Pick the kind to log “{text}” on {id}:',
    'zh-CN': '选一个跟进类型，把“{text}”记到 {id}：',
  },
  'log.btn.set_next': {
    en: 'Set as next follow-up',
    'zh-CN': '设为下次跟进',
  },
  'log.logged': {
    en: '{kind} logged on {id}.',
    'zh-CN': '已在 {id} 记录一次{kind}。',
  },
  'log.text_missing': {
    en: 'Say what happened, e.g. `/log L-12 call discussed pricing`.',
    'zh-CN': '请写明沟通内容，如 `/log L-12 电话 沟通了报价`。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    interactions: keyof typeof interactionsMessages;
  }
}
