// Messages of the tickets module (/ticket, SLA chases), English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const ticketsMessages = {
  'help.ticket.new': {
    en: '`/ticket new [L-12] <subject> [priority: high|normal|low]`: open a support ticket',
    'zh-CN': '`/ticket new [L-12] <标题> [优先级：高|中|低]`：新建工单',
  },
  'help.ticket.list': {
    en: '`/ticket list [open|mine|unclaimed|all]`: tickets, paged',
    'zh-CN': '`/ticket list [open|mine|unclaimed|all]`：分页列出工单',
  },
  'help.ticket.show': {
    en: '`/ticket show T-57`: the ticket card',
    'zh-CN': '`/ticket show T-57`：查看工单卡片',
  },
  'help.ticket.claim': {
    en: '`/ticket claim T-57`: take a ticket (support)',
    'zh-CN': '`/ticket claim T-57`：认领工单（客服）',
  },
  'help.ticket.resolve': {
    en: '`/ticket resolve T-57 <note>`: resolve with a note (support)',
    'zh-CN': '`/ticket resolve T-57 <处理说明>`：解决工单（客服）',
  },
  'help.ticket.reopen': {
    en: '`/ticket reopen T-57 <reason>`: put it back in the queue, saying why',
    'zh-CN': '`/ticket reopen T-57 <原因>`：重新打开，并说明原因',
  },
  'help.ticket.escalate': {
    en: '`/ticket escalate T-57`: flag it to managers',
    'zh-CN': '`/ticket escalate T-57`：升级给主管',
  },
  'help.ticket.assign': {
    en: '`/ticket assign T-57 @user`: give it to a support agent',
    'zh-CN': '`/ticket assign T-57 @同事`：转给客服同事',
  },
  'help.ticket.history': {
    en: '`/ticket history T-57`: every step of a ticket, with its notes',
    'zh-CN': '`/ticket history T-57`：工单的每一步及备注',
  },
  'ticket.already_claimed': {
    en: '{id} is already claimed by {by}.',
    'zh-CN': '{id} 已被 {by} 认领。',
  },
  'ticket.already_escalated': {
    en: '{id} is already escalated.',
    'zh-CN': '{id} 已经升级过了。',
  },
  'ticket.already_resolved': {
    en: '{id} is already resolved.',
    'zh-CN': '{id} 已经解决。',
  },
  'ticket.assigned_to_you': {
    en: '{by} gave you {id}.',
    'zh-CN': '{by} 把 {id} 转给了你。',
  },
  'ticket.assignee_not_support': {
    en: '{who} is not in support; tickets go to support agents.',
    'zh-CN': '{who} 不是客服，工单只能转给客服同事。',
  },
  'ticket.btn.claim': {
    en: 'Claim',
    'zh-CN': '认领',
  },
  'ticket.btn.escalate': {
    en: 'Escalate',
    'zh-CN': '升级',
  },
  'ticket.btn.reassign': {
    en: 'Reassign',
    'zh-CN': '转派',
  },
  'ticket.btn.reopen': {
    en: 'Reopen',
    'zh-CN': '重新打开',
  },
  'ticket.btn.resolve': {
    en: 'Resolve',
    'zh-CN': '解决',
  },
  'ticket.claimed_by': {
    en: 'Claimed by {who} at {at}',
    'zh-CN': '已认领 · {who} · {at}',
  },
  'ticket.escalated': {
    en: 'escalated',
    'zh-CN': '已升级',
  },
  'ticket.escalated_done': {
    en: '{id} is escalated; {count} managers were told.',
    'zh-CN': '{id} 已升级，已通知 {count} 位主管。',
  },
  'ticket.escalated_to_you': {
    en: '{by} escalated {id} to you.',
    'zh-CN': '{by} 将 {id} 升级给你。',
  },
  'ticket.field.claim_due': {
    en: 'First response due',
    'zh-CN': '首次响应期限',
  },
  'ticket.field.lead': {
    en: 'Lead',
    'zh-CN': '线索',
  },
  'ticket.field.opened_by': {
    en: 'Opened by',
    'zh-CN': '创建人',
  },
  'ticket.field.priority': {
    en: 'Priority',
    'zh-CN': '优先级',
  },
  'ticket.field.resolve_due': {
    en: 'Resolution due',
    'zh-CN': '解决期限',
  },
  'ticket.field.status': {
    en: 'Status',
    'zh-CN': '状态',
  },
  'ticket.forbidden': {
    en: 'You cannot see {id}.',
    'zh-CN': '你无权查看 {id}。',
  },
  'ticket.form.assignee': {
    en: 'Support agent for {id}',
    'zh-CN': '{id} 的客服负责人',
  },
  'ticket.form.description': {
    en: 'Description',
    'zh-CN': '描述',
  },
  'ticket.form.new_title': {
    en: 'Open ticket',
    'zh-CN': '新建工单',
  },
  'ticket.form.reassign_title': {
    en: 'Reassign ticket',
    'zh-CN': '转派工单',
  },
  'ticket.form.resolution': {
    en: 'How was {id} resolved?',
    'zh-CN': '{id} 是如何解决的？',
  },
  'ticket.form.resolution_example': {
    en: 'replaced the unit',
    'zh-CN': '已更换设备',
  },
  'ticket.form.resolve_title': {
    en: 'Resolve ticket',
    'zh-CN': '解决工单',
  },
  'ticket.form.reopen_title': {
    en: 'Reopen ticket',
    'zh-CN': '重新打开工单',
  },
  'ticket.form.reopen_reason': {
    en: 'Why is {id} reopened?',
    'zh-CN': '为什么重新打开 {id}？',
  },
  'ticket.form.reopen_example': {
    en: 'the printer jams again',
    'zh-CN': '打印机又卡纸了',
  },
  'ticket.form.subject': {
    en: 'Subject',
    'zh-CN': '标题',
  },
  'ticket.form.subject_example': {
    en: 'invoice is wrong',
    'zh-CN': '发票有误',
  },
  'ticket.gone': {
    en: 'That ticket no longer exists in this workspace, or the button is from another one.',
    'zh-CN': '该工单已不存在，或按钮来自其他工作区。',
  },
  'ticket.id_invalid': {
    en: '“{value}” is not a ticket id; use one like T-57.',
    'zh-CN': '“{value}”不是工单编号，请使用 T-57 这样的编号。',
  },
  'ticket.list.all': {
    en: 'All tickets ({total})',
    'zh-CN': '全部工单（{total}）',
  },
  'ticket.list.open': {
    en: 'Open tickets ({total})',
    'zh-CN': '未解决的工单（{total}）',
  },
  'ticket.list.mine': {
    en: 'Your tickets ({total})',
    'zh-CN': '我的工单（{total}）',
  },
  'ticket.list.unclaimed': {
    en: 'Unclaimed tickets ({total})',
    'zh-CN': '待认领的工单（{total}）',
  },
  'ticket.list.empty': {
    en: 'No tickets.',
    'zh-CN': '没有工单。',
  },
  'ticket.not_found': {
    en: 'There is no ticket {id} in this workspace.',
    'zh-CN': '本工作区没有工单 {id}。',
  },
  'ticket.not_resolved': {
    en: '{id} is not resolved, so it cannot be reopened.',
    'zh-CN': '{id} 尚未解决，无需重新打开。',
  },
  'ticket.opened': {
    en: 'Opened {id}.',
    'zh-CN': '已创建 {id}。',
  },
  'ticket.priority.high': {
    en: 'High',
    'zh-CN': '高',
  },
  'ticket.priority.normal': {
    en: 'Normal',
    'zh-CN': '中',
  },
  'ticket.priority.low': {
    en: 'Low',
    'zh-CN': '低',
  },
  'ticket.reassigned': {
    en: '{id} now belongs to {who}.',
    'zh-CN': '{id} 已转给 {who}。',
  },
  'ticket.reopened': {
    en: '{id} is back in the queue.',
    'zh-CN': '{id} 已重新进入队列。',
  },
  'ticket.reopen_reason_missing': {
    en: 'Say why {id} is reopened: `/ticket reopen {id} <reason>`.',
    'zh-CN': '请说明重新打开 {id} 的原因：`/ticket reopen {id} <原因>`。',
  },
  'ticket.history.title': {
    en: 'History of {id}',
    'zh-CN': '{id} 的历史',
  },
  'ticket.history.empty': {
    en: 'Nothing has happened to {id} yet.',
    'zh-CN': '{id} 还没有任何记录。',
  },
  'ticket.history.system': {
    en: 'ChatCRM',
    'zh-CN': 'ChatCRM',
  },
  'ticket.history.create': {
    en: 'opened it',
    'zh-CN': '创建了工单',
  },
  'ticket.history.claim': {
    en: 'claimed it',
    'zh-CN': '认领了工单',
  },
  'ticket.history.resolve': {
    en: 'resolved it',
    'zh-CN': '解决了工单',
  },
  'ticket.history.reopen': {
    en: 'reopened it',
    'zh-CN': '重新打开了工单',
  },
  'ticket.history.escalate': {
    en: 'escalated it',
    'zh-CN': '升级了工单',
  },
  'ticket.history.reassign': {
    en: 'gave it to',
    'zh-CN': '转给了',
  },
  'ticket.history.other': {
    en: 'changed it ({action})',
    'zh-CN': '修改了工单（{action}）',
  },
  'ticket.owner_claimed': {
    en: '{who} claimed {id} for your customer {lead}.',
    'zh-CN': '{who} 认领了你的客户 {lead} 的工单 {id}。',
  },
  'ticket.owner_resolved': {
    en: '{who} resolved {id} for your customer {lead}: {note}',
    'zh-CN': '{who} 解决了你的客户 {lead} 的工单 {id}：{note}',
  },
  'ticket.resolution_missing': {
    en: 'Say how {id} was resolved: `/ticket resolve {id} <note>`.',
    'zh-CN': '请写明 {id} 的处理说明：`/ticket resolve {id} <说明>`。',
  },
  'ticket.resolved': {
    en: '{id} is resolved.',
    'zh-CN': '{id} 已解决。',
  },
  'ticket.resolved_by': {
    en: 'Resolved by {who} at {at}: {note}',
    'zh-CN': '已解决 · {who} · {at}：{note}',
  },
  'ticket.status.open': {
    en: 'Open',
    'zh-CN': '待认领',
  },
  'ticket.status.claimed': {
    en: 'Claimed',
    'zh-CN': '处理中',
  },
  'ticket.status.resolved': {
    en: 'Resolved',
    'zh-CN': '已解决',
  },
  'ticket.subject_missing': {
    en: 'The ticket needs a subject: `/ticket new L-12 invoice is wrong`.',
    'zh-CN': '工单需要标题：`/ticket new L-12 发票有误`。',
  },
  'ticket.support_only': {
    en: 'Only support staff, managers and admins can do that.',
    'zh-CN': '只有客服、主管和管理员可以这样做。',
  },
  'ticket.changed_meanwhile': {
    en: '{id} was changed by someone else in the meantime; nothing was saved. Look at it again.',
    'zh-CN': '{id} 刚被其他人修改过，本次未保存，请重新查看。',
  },
  'ticket.you_claimed': {
    en: 'You claimed {id}.',
    'zh-CN': '你已认领 {id}。',
  },
  'sla.claim_missed': {
    en: 'Nobody has claimed this ticket and its first-response target has passed.',
    'zh-CN': '该工单无人认领，已超过首次响应时限。',
  },
  'sla.resolve_missed': {
    en: 'This ticket is past its resolution target and has been escalated.',
    'zh-CN': '该工单已超过解决时限，已升级。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    tickets: keyof typeof ticketsMessages;
  }
}
