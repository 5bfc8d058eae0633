// Messages of the leads module (/lead, stages, lists, lead forms, undo), English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const leadsMessages = {
  'help.lead.add': {
    en: '`/lead add <company>; <contact>; <phone>; <email>; source: …; value: …; next: …`: add a lead (no text opens a form). Example: `/lead add Acme Ltd; Zhang Wei; +86 138-1234-5678; zhang@acme.cn; source: expo; value: 50k; next: friday call back`',
    'zh-CN': '`/lead add <公司>；<联系人>；<电话>；<邮箱>；来源：…；金额：…；下次：…`：新增线索（不带文字则打开表单）。示例：`/lead add 上海示例科技有限公司；张伟；138-1234-5678；zhang@acme.cn；来源：展会；金额：5万；下次：下周一 回访`',
  },
  'help.lead.show': {
    en: '`/lead show L-12`: the lead card',
    'zh-CN': '`/lead show L-12`：查看线索卡片',
  },
  'help.lead.list': {
    en: '`/lead list [mine|team|stale|stage <name>] [page 2]`: your leads, paged',
    'zh-CN': '`/lead list [mine|team|stale|stage <阶段>] [page 2]`：分页列出线索',
  },
  'help.lead.find': {
    en: '`/lead find <company, contact, email or phone>`: search',
    'zh-CN': '`/lead find <公司、联系人、邮箱或电话>`：搜索',
  },
  'help.lead.stage': {
    en: '`/lead stage L-12 <stage>`: move to a stage',
    'zh-CN': '`/lead stage L-12 <阶段>`：调整阶段',
  },
  'help.lead.won': {
    en: '`/lead won L-12 [value]`: mark won',
    'zh-CN': '`/lead won L-12 [金额]`：标记为赢单',
  },
  'help.lead.lost': {
    en: '`/lead lost L-12 <reason>`: mark lost (reason required)',
    'zh-CN': '`/lead lost L-12 <原因>`：标记为丢单（须填写原因）',
  },
  'help.lead.assign': {
    en: '`/lead assign L-12 @user`: give the lead to someone',
    'zh-CN': '`/lead assign L-12 @同事`：转给他人',
  },
  'help.lead.next': {
    en: '`/lead next L-12 <when> [what]`: set the next follow-up, e.g. `tomorrow 10am call back`',
    'zh-CN': '`/lead next L-12 <时间> [事项]`：设置下次跟进，如 `明天下午3点 回电`',
  },
  'help.lead.edit': {
    en: '`/lead edit L-12 [field: value; …]`: change company, contact, phone, email, source, value or tags (no fields opens a form with the current values)',
    'zh-CN': '`/lead edit L-12 [字段: 值; …]`：修改公司、联系人、电话、邮箱、来源、金额或标签（不写字段则打开填好当前值的表单）',
  },
  'help.lead.delete': {
    en: '`/lead delete L-12`: delete a lead (its owner or an admin; an admin can restore it)',
    'zh-CN': '`/lead delete L-12`：删除线索（负责人或管理员；管理员可恢复）',
  },
  'help.lead.restore': {
    en: '`/lead restore L-12`: bring back a deleted lead (admins)',
    'zh-CN': '`/lead restore L-12`：恢复已删除的线索（管理员）',
  },
  'help.lead.reopen': {
    en: '`/lead reopen L-12 [stage]`: reopen a won or lost lead',
    'zh-CN': '`/lead reopen L-12 [阶段]`：重新打开已赢单或丢单的线索',
  },
  'help.undo': {
    en: '`/undo`: take back your last change (stage, owner, edit, delete, log) within 5 minutes',
    'zh-CN': '`/undo`：撤销你 5 分钟内的上一次修改（阶段、负责人、编辑、删除、记录）',
  },
  'stage.new': {
    en: 'New',
    'zh-CN': '新线索',
  },
  'stage.contacted': {
    en: 'Contacted',
    'zh-CN': '已联系',
  },
  'stage.qualified': {
    en: 'Qualified',
    'zh-CN': '已确认需求',
  },
  'stage.proposal': {
    en: 'Proposal',
    'zh-CN': '方案报价',
  },
  'stage.negotiation': {
    en: 'Negotiation',
    'zh-CN': '商务谈判',
  },
  'stage.won': {
    en: 'Won',
    'zh-CN': '赢单',
  },
  'stage.lost': {
    en: 'Lost',
    'zh-CN': '丢单',
  },
  'lead.field.company': {
    en: 'Company',
    'zh-CN': '公司',
  },
  'lead.field.contact': {
    en: 'Contact',
    'zh-CN': '联系人',
  },
  'lead.field.contact_name': {
    en: 'Contact name',
    'zh-CN': '联系人姓名',
  },
  'lead.field.phones': {
    en: 'Phone',
    'zh-CN': '电话',
  },
  'lead.phone_guessed': {
    en: '{phone} (read as {intl}; region guessed)',
    'zh-CN': '{phone}（按 {intl} 识别；地区为推测）',
  },
  'lead.field.emails': {
    en: 'Email',
    'zh-CN': '邮箱',
  },
  'lead.field.stage': {
    en: 'Stage',
    'zh-CN': '阶段',
  },
  'lead.field.value': {
    en: 'Value',
    'zh-CN': '金额',
  },
  'lead.field.owner': {
    en: 'Owner',
    'zh-CN': '负责人',
  },
  'lead.field.next': {
    en: 'Next follow-up',
    'zh-CN': '下次跟进',
  },
  'lead.field.next_overdue': {
    en: '{when} (overdue)',
    'zh-CN': '{when}（已逾期）',
  },
  'lead.field.source': {
    en: 'Source',
    'zh-CN': '来源',
  },
  'lead.field.tags': {
    en: 'Tags',
    'zh-CN': '标签',
  },
  'lead.field.note': {
    en: 'Note',
    'zh-CN': '备注',
  },
  'lead.recent': {
    en: 'Recent interactions:',
    'zh-CN': '最近跟进：',
  },
  'lead.no_interactions': {
    en: 'No interactions yet.',
    'zh-CN': '暂无跟进记录。',
  },
  'lead.btn.advance': {
    en: 'Move to {stage}',
    'zh-CN': '推进到{stage}',
  },
  'lead.btn.followup': {
    en: 'Set follow-up',
    'zh-CN': '下次跟进',
  },
  'lead.btn.assign_me': {
    en: 'Assign to me',
    'zh-CN': '分配给我',
  },
  'lead.btn.reassign': {
    en: 'Reassign',
    'zh-CN': '转给他人',
  },
  'lead.btn.won': {
    en: 'Won',
    'zh-CN': '赢单',
  },
  'lead.btn.lost': {
    en: 'Lost',
    'zh-CN': '丢单',
  },
  'lead.btn.open': {
    en: 'Open {id}',
    'zh-CN': '打开 {id}',
  },
  'lead.btn.create_anyway': {
    en: 'Create anyway',
    'zh-CN': '仍然创建',
  },
  'lead.btn.reopen': {
    en: 'Reopen',
    'zh-CN': '重新打开',
  },
  'lead.btn.undo': {
    en: 'Undo',
    'zh-CN': '撤销',
  },
  'lead.created': {
    en: 'Created {id}, owned by {owner}.',
    'zh-CN': '已创建 {id}，负责人：{owner}。',
  },
  'lead.assigned_to_you': {
    en: '{by} gave you {id}.',
    'zh-CN': '{by} 把 {id} 转给了你。',
  },
  'lead.assigned': {
    en: '{id} now belongs to {owner}.',
    'zh-CN': '{id} 的负责人现在是 {owner}。',
  },
  'lead.stage_set': {
    en: '{id} moved to {stage}.',
    'zh-CN': '{id} 已进入{stage}阶段。',
  },
  'lead.won': {
    en: '{id} is won. Well done!',
    'zh-CN': '{id} 已赢单，干得漂亮！',
  },
  'lead.lost': {
    en: '{id} is marked lost.',
    'zh-CN': '{id} 已标记为丢单。',
  },
  'lead.next_set': {
    en: 'Next follow-up on {id}: {when}.',
    'zh-CN': '{id} 的下次跟进：{when}。',
  },
  'lead.reassigned_away': {
    en: '{by} gave {id} ({company}) to {owner}. It is no longer on your list.',
    'zh-CN': '{by} 把 {id}（{company}）转给了 {owner}，它已不在你的列表中。',
  },
  'lead.reopened': {
    en: '{id} is reopened at {stage}.',
    'zh-CN': '{id} 已重新打开，阶段：{stage}。',
  },
  'lead.edited': {
    en: '{id} is updated.',
    'zh-CN': '{id} 已更新。',
  },
  'lead.edit_unchanged': {
    en: 'Nothing to change on {id}.',
    'zh-CN': '{id} 没有需要修改的内容。',
  },
  'lead.edit_field_unknown': {
    en: '“{value}” is not a field you can edit. Fields: {fields}.',
    'zh-CN': '“{value}” 不是可修改的字段。可改字段：{fields}。',
  },
  'lead.merged_into': {
    en: '{id} was merged into {into}. Open {into} instead: `/lead show {into}`.',
    'zh-CN': '{id} 已合并到 {into}。请改用 {into}：`/lead show {into}`。',
  },
  'lead.restore_merged': {
    en: '{id} was merged into another lead. An admin can take the merge back with `/lead unmerge {id}`.',
    'zh-CN': '{id} 已合并到另一条线索。管理员可用 `/lead unmerge {id}` 撤销合并。',
  },
  'lead.merged_shown': {
    en: '{id} was merged into {into}. This is {into}.',
    'zh-CN': '{id} 已合并到 {into}，以下是 {into}。',
  },
  'lead.deleted': {
    en: '{id} ({company}) is deleted. It no longer shows in lists, search or reminders.',
    'zh-CN': '{id}（{company}）已删除，不再出现在列表、搜索和提醒中。',
  },
  'lead.restored': {
    en: '{id} is restored.',
    'zh-CN': '{id} 已恢复。',
  },
  'lead.undone': {
    en: 'Undone: {id} is back as it was.',
    'zh-CN': '已撤销：{id} 已恢复原样。',
  },
  'lead.add.problems': {
    en: 'The lead was not saved:',
    'zh-CN': '线索未保存：',
  },
  'lead.missing_company': {
    en: 'The company is missing.',
    'zh-CN': '缺少公司名称。',
  },
  'lead.missing_contact': {
    en: 'The contact name is missing.',
    'zh-CN': '缺少联系人姓名。',
  },
  'lead.missing_contact_spaces': {
    en: 'The contact name is missing. Put a ; between the fields, e.g. {example}',
    'zh-CN': '缺少联系人姓名。各项之间请用“；”分隔，例如：{example}',
  },
  'lead.duplicate.title': {
    en: 'Possible duplicate of {id} (owner {owner})',
    'zh-CN': '可能与 {id} 重复（负责人 {owner}）',
  },
  'lead.duplicate.text': {
    en: '{company} · {contact} · {stage}. Nothing was created.',
    'zh-CN': '{company} · {contact} · {stage}。未创建新线索。',
  },
  'lead.duplicate.hidden': {
    en: 'It belongs to someone outside your team. Nothing was created.',
    'zh-CN': '该线索属于你团队以外的同事。未创建新线索。',
  },
  'lead.duplicate.hidden_rep': {
    en: 'It belongs to a colleague, and reps see only their own leads. Nothing was created.',
    'zh-CN': '该线索属于一位同事，销售只能看到自己的线索。未创建新线索。',
  },
  'lead.draft_used': {
    en: 'This lead was already created from this message, or the button is too old.',
    'zh-CN': '这条线索已经创建过了，或按钮已过期。',
  },
  'lead.being_created': {
    en: 'Someone is saving the same lead right now. Try again in a moment.',
    'zh-CN': '有人正在保存同一条线索，请稍后再试。',
  },
  'lead.changed_meanwhile': {
    en: '{id} was changed by someone else in the meantime; this is how it looks now.',
    'zh-CN': '{id} 刚被其他人修改过，以下是最新状态。',
  },
  'lead.closed': {
    en: '{id} is already closed ({stage}).',
    'zh-CN': '{id} 已结束（{stage}）。',
  },
  'lead.last_stage': {
    en: '{id} is at the last open stage; mark it won or lost.',
    'zh-CN': '{id} 已在最后一个进行中阶段，请标记赢单或丢单。',
  },
  'lead.already': {
    en: '{id} is already {stage}.',
    'zh-CN': '{id} 已经是{stage}状态。',
  },
  'lead.lost_needs_reason': {
    en: 'Say why {id} was lost: `/lead lost {id} <reason>`.',
    'zh-CN': '请说明 {id} 丢单的原因：`/lead lost {id} <原因>`。',
  },
  'lead.stage_choose': {
    en: 'Which stage should {id} move to?',
    'zh-CN': '{id} 要调整到哪个阶段？',
  },
  'lead.closed_reopen': {
    en: '{id} is closed ({stage}). To work on it again, reopen it: `/lead reopen {id} [stage]`.',
    'zh-CN': '{id} 已关闭（{stage}）。如需继续跟进，请先重新打开：`/lead reopen {id} [阶段]`。',
  },
  'lead.closed_no_followup': {
    en: '{id} is closed ({stage}), so it gets no follow-ups. Reopen it first: `/lead reopen {id}`.',
    'zh-CN': '{id} 已关闭（{stage}），不再设置跟进。请先重新打开：`/lead reopen {id}`。',
  },
  'lead.not_closed': {
    en: '{id} is not closed; there is nothing to reopen.',
    'zh-CN': '{id} 未关闭，无需重新打开。',
  },
  'lead.reopen_stage': {
    en: '{id} can only be reopened into an open stage: {stages}.',
    'zh-CN': '{id} 只能重新打开到进行中的阶段：{stages}。',
  },
  'lead.delete_forbidden': {
    en: 'Only the owner of {id} or an admin can delete it.',
    'zh-CN': '只有 {id} 的负责人或管理员可以删除它。',
  },
  'lead.not_deleted': {
    en: '{id} is not deleted.',
    'zh-CN': '{id} 未被删除。',
  },
  'undo.nothing': {
    en: 'Nothing to undo: you have made no change in the last {minutes} minutes that can be undone.',
    'zh-CN': '没有可撤销的修改：你在最近 {minutes} 分钟内没有可撤销的修改。',
  },
  'undo.changed_since': {
    en: 'Cannot undo: {id} was changed again since.',
    'zh-CN': '无法撤销：{id} 之后又被修改过。',
  },
  'list.title.all': {
    en: 'Leads you can see ({total})',
    'zh-CN': '你可见的线索（{total}）',
  },
  'list.title.mine': {
    en: 'Your leads ({total})',
    'zh-CN': '我的线索（{total}）',
  },
  'list.title.team': {
    en: 'Your team’s leads ({total})',
    'zh-CN': '团队线索（{total}）',
  },
  'list.title.team_rep': {
    en: 'Your leads ({total}). Reps see only their own leads; your manager sees the team’s.',
    'zh-CN': '你的线索（{total}）。销售只能看到自己的线索；团队线索由你的主管查看。',
  },
  'list.title.stale': {
    en: 'Leads gone quiet ({total})',
    'zh-CN': '沉默线索（{total}）',
  },
  'list.title.stage': {
    en: 'Leads in {stage} ({total})',
    'zh-CN': '{stage}阶段的线索（{total}）',
  },
  'list.title.find': {
    en: 'Leads matching “{query}” ({total})',
    'zh-CN': '匹配“{query}”的线索（{total}）',
  },
  'list.empty': {
    en: 'No leads.',
    'zh-CN': '没有线索。',
  },
  'form.lead.title': {
    en: 'New lead',
    'zh-CN': '新增线索',
  },
  'lead.example': {
    en: '/lead add Acme Ltd; Zhang Wei; +86 138-1234-5678; zhang@acme.cn; source: expo; value: 50k; next: friday call back',
    'zh-CN': '/lead add 上海示例科技有限公司；张伟；138 1234 5678；zhang@example.cn；来源：展会；金额：5万；下次：下周一 回访',
  },
  'form.lead.placeholder.company': {
    en: 'Acme Ltd',
    'zh-CN': '上海示例科技有限公司',
  },
  'form.lead.placeholder.contact': {
    en: 'Zhang Wei',
    'zh-CN': '张伟',
  },
  'form.lead.placeholder.phone': {
    en: '+86 138-1234-5678',
    'zh-CN': '138 1234 5678',
  },
  'form.lead.placeholder.email': {
    en: 'zhang@acme.cn',
    'zh-CN': 'zhang@example.cn',
  },
  'form.lead.placeholder.source': {
    en: 'expo',
    'zh-CN': '展会',
  },
  'form.lead.placeholder.value': {
    en: '50k',
    'zh-CN': '5万',
  },
  'form.lead.placeholder.tags': {
    en: 'vip',
    'zh-CN': '重点客户',
  },
  'form.followup.title': {
    en: 'Set follow-up',
    'zh-CN': '设置下次跟进',
  },
  'form.followup.when': {
    en: 'When, and what, for {id}',
    'zh-CN': '{id} 下次跟进的时间和事项',
  },
  'form.reassign.title': {
    en: 'Reassign lead',
    'zh-CN': '转给他人',
  },
  'form.reassign.owner': {
    en: 'New owner of {id}',
    'zh-CN': '{id} 的新负责人',
  },
  'form.lost.title': {
    en: 'Mark lost',
    'zh-CN': '标记丢单',
  },
  'form.lost.example_reason': {
    en: 'chose a competitor',
    'zh-CN': '选择了竞争对手',
  },
  'form.lost.reason': {
    en: 'Why was {id} lost?',
    'zh-CN': '{id} 丢单的原因',
  },
  'form.edit.title': {
    en: 'Edit {id}',
    'zh-CN': '编辑 {id}',
  },
  'help.lead.history': {
    en: '`/lead history L-12`: every interaction, newest first',
    'zh-CN': '`/lead history L-12`：全部跟进记录，最新的在前',
  },
  'lead.btn.log': {
    en: 'Log',
    'zh-CN': '记录',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    leads: keyof typeof leadsMessages;
  }
}
