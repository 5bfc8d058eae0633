// Messages of the web sandbox, English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const sandboxMessages = {
  'sandbox.title': {
    en: 'ChatCRM sandbox',
    'zh-CN': 'ChatCRM 沙盒',
  },
  'sandbox.intro': {
    en: 'Every ChatCRM command and card, without Slack or WeCom: choose who you are, type a command, click the buttons.',
    'zh-CN': '不用 Slack 或企业微信，也能试用 ChatCRM 的所有命令和卡片：选择身份，输入命令，点击按钮。',
  },
  'sandbox.as': {
    en: 'You are',
    'zh-CN': '当前身份',
  },
  'sandbox.member': {
    en: '{name} ({role})',
    'zh-CN': '{name}（{role}）',
  },
  'sandbox.language': {
    en: 'Language',
    'zh-CN': '语言',
  },
  'sandbox.input.label': {
    en: 'Command',
    'zh-CN': '命令',
  },
  'sandbox.input.placeholder': {
    en: 'Type a command: /lead add …, lead list, 新建线索 …, 帮助',
    'zh-CN': '输入命令：新建线索 …、线索列表、/lead add …、帮助',
  },
  'sandbox.send': {
    en: 'Send',
    'zh-CN': '发送',
  },
  'sandbox.examples': {
    en: 'Try:',
    'zh-CN': '试试：',
  },
  'sandbox.chat.title': {
    en: 'Chat with ChatCRM as {name}',
    'zh-CN': '以 {name} 的身份与 ChatCRM 对话',
  },
  'sandbox.chat.empty': {
    en: 'No messages yet. Type a command below, for example “/crm help”.',
    'zh-CN': '还没有消息。在下方输入命令，例如“帮助”。',
  },
  'sandbox.dms.title': {
    en: 'Direct messages',
    'zh-CN': '私信',
  },
  'sandbox.dms.to': {
    en: 'To {name}',
    'zh-CN': '发给 {name}',
  },
  'sandbox.dms.empty': {
    en: 'No direct messages yet (a new owner gets one when a lead is given to them).',
    'zh-CN': '还没有私信（线索转给新负责人时，对方会收到一条）。',
  },
  'sandbox.channels.title': {
    en: 'Channels',
    'zh-CN': '频道',
  },
  'sandbox.channels.empty': {
    en: 'Nothing posted to a channel yet (ticket queues and digests appear here).',
    'zh-CN': '还没有发到频道的消息（工单队列和周报会显示在这里）。',
  },
  'sandbox.jobs.title': {
    en: 'Scheduled jobs',
    'zh-CN': '定时任务',
  },
  'sandbox.jobs.none': {
    en: 'The scheduled jobs are off (JOBS_ENABLED=false).',
    'zh-CN': '没有可运行的定时任务（JOBS_ENABLED=false）。',
  },
  'sandbox.raw.toggle': {
    en: 'Slack / WeCom JSON',
    'zh-CN': 'Slack / 企业微信 JSON',
  },
  'sandbox.raw.slack': {
    en: 'Slack Block Kit message',
    'zh-CN': 'Slack Block Kit 消息',
  },
  'sandbox.raw.slack_modal': {
    en: 'Slack modal view',
    'zh-CN': 'Slack 弹窗（modal）',
  },
  'sandbox.raw.wecom': {
    en: 'WeCom messages (template_card)',
    'zh-CN': '企业微信消息（template_card）',
  },
  'sandbox.form.optional': {
    en: '{label} (optional)',
    'zh-CN': '{label}（选填）',
  },
  'sandbox.form.choose': {
    en: 'Choose…',
    'zh-CN': '请选择…',
  },
  'sandbox.form.typed': {
    en: 'Or type:',
    'zh-CN': '也可以直接输入：',
  },
  'sandbox.form.errors': {
    en: 'Please check these:',
    'zh-CN': '请检查以下内容：',
  },
  'sandbox.error.token': {
    en: 'This sandbox needs its token: open it once with ?token=… (the value of SANDBOX_TOKEN).',
    'zh-CN': '此沙盒需要令牌：请先用 ?token=…（SANDBOX_TOKEN 的值）打开一次。',
  },
  'sandbox.error.request': {
    en: 'That request was not understood: {detail}',
    'zh-CN': '无法理解这个请求：{detail}',
  },
  'sandbox.error.member': {
    en: 'There is no demo member “{id}”.',
    'zh-CN': '没有名为“{id}”的演示成员。',
  },
  'sandbox.error.offline': {
    en: 'The sandbox is not answering; retrying…',
    'zh-CN': '沙盒暂时没有响应，正在重试…',
  },
  'sandbox.jobs.run': {
    en: 'Run now',
    'zh-CN': '立即运行',
  },
  'sandbox.jobs.follow-ups': {
    en: 'Follow-up nudges',
    'zh-CN': '跟进提醒',
  },
  'sandbox.jobs.gone-quiet': {
    en: 'Gone-quiet nudges and escalations',
    'zh-CN': '沉默提醒与升级',
  },
  'sandbox.jobs.ticket-sla': {
    en: 'Ticket SLA chases',
    'zh-CN': '工单时限追踪',
  },
  'sandbox.jobs.weekly-digest': {
    en: 'Weekly digest (for the last seven days, now)',
    'zh-CN': '每周简报（最近七天，立即）',
  },
  'sandbox.jobs.duplicate-scan': {
    en: 'Duplicate scan (every lead, now)',
    'zh-CN': '线索查重（全部线索，立即）',
  },
  'sandbox.jobs.done': {
    en: '{job}: {queued} message(s) queued, {sent} sent.',
    'zh-CN': '{job}：排队 {queued} 条，已发送 {sent} 条。',
  },
  'sandbox.jobs.unknown': {
    en: 'There is no scheduled job “{job}”.',
    'zh-CN': '没有名为“{job}”的定时任务。',
  },
  'sandbox.jobs.failed': {
    en: '{job} did not finish; the service log says why. Nothing was sent twice: run it again when ready.',
    'zh-CN': '{job}未能完成，原因见服务日志。不会重复发送：准备好后可再次运行。',
  },
  'sandbox.jobs.hint': {
    en: 'Jobs normally run every minute; quiet hours and the digest\'s day and time apply. “Run now” runs one at once, ignoring quiet hours.',
    'zh-CN': '任务平时每分钟运行一次，遵守免打扰时段和简报的日期时间。“立即运行”马上执行一次，不受免打扰时段限制。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    sandbox: keyof typeof sandboxMessages;
  }
}
