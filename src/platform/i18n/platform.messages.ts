// Generic messages (errors, form and help chrome, pagers, field labels, choices, calendar words), English and Simplified Chinese side by side.
// platform/i18n registers these itself; src/messages.ts registers every other catalogue.
import type { Messages } from './index';

export const platformMessages = {
  'help.title': {
    en: 'ChatCRM commands (your role: {role})',
    'zh-CN': 'ChatCRM 命令（你的角色：{role}）',
  },
  'help.example': {
    en: 'Example:',
    'zh-CN': '示例：',
  },
  'help.help': {
    en: '`/crm help` or `/lead help`: this list',
    'zh-CN': '`/crm help` 或 `/lead help`：显示本列表',
  },
  'help.zh_words': {
    en: 'Chinese command words (typed as they are, no /)',
    'zh-CN': '中文命令词（直接输入，不加 /）',
  },
  'field.company': {
    en: 'Company',
    'zh-CN': '公司',
  },
  'field.contact': {
    en: 'Contact name',
    'zh-CN': '联系人姓名',
  },
  'field.phone': {
    en: 'Phone',
    'zh-CN': '电话',
  },
  'field.email': {
    en: 'Email',
    'zh-CN': '邮箱',
  },
  'field.source': {
    en: 'Source',
    'zh-CN': '来源',
  },
  'field.value': {
    en: 'Value',
    'zh-CN': '金额',
  },
  'field.next': {
    en: 'Next follow-up',
    'zh-CN': '下次跟进',
  },
  'field.tags': {
    en: 'Tags',
    'zh-CN': '标签',
  },
  'field.note': {
    en: 'Note',
    'zh-CN': '备注',
  },
  'field.reason': {
    en: 'Reason',
    'zh-CN': '原因',
  },
  'field.what': {
    en: 'What to do',
    'zh-CN': '跟进事项',
  },
  'field.team': {
    en: 'Team',
    'zh-CN': '团队',
  },
  'field.name': {
    en: 'Name',
    'zh-CN': '名字',
  },
  'list.page': {
    en: 'Page {page} of {pages}',
    'zh-CN': '第 {page} / {pages} 页',
  },
  'list.prev': {
    en: '‹ Previous',
    'zh-CN': '‹ 上一页',
  },
  'list.next': {
    en: 'Next ›',
    'zh-CN': '下一页 ›',
  },
  'form.save': {
    en: 'Save',
    'zh-CN': '保存',
  },
  'form.cancel': {
    en: 'Cancel',
    'zh-CN': '取消',
  },
  'form.not_saved': {
    en: 'Your form was not saved:',
    'zh-CN': '表单未保存：',
  },
  'form.required': {
    en: 'Please fill this in.',
    'zh-CN': '请填写此项。',
  },
  'form.next_placeholder': {
    en: 'tomorrow 10am call back',
    'zh-CN': '明天下午3点 回电',
  },
  'locale.en': {
    en: 'English',
    'zh-CN': '英文（English）',
  },
  'locale.zh-CN': {
    en: 'Chinese (简体中文)',
    'zh-CN': '简体中文',
  },
  'duration.days': {
    en: '{n} d',
    'zh-CN': '{n} 天',
  },
  'duration.hours': {
    en: '{n} h',
    'zh-CN': '{n} 小时',
  },
  'duration.minutes': {
    en: '{n} min',
    'zh-CN': '{n} 分钟',
  },
  'weekday.short.0': {
    en: 'Sun',
    'zh-CN': '周日',
  },
  'weekday.short.1': {
    en: 'Mon',
    'zh-CN': '周一',
  },
  'weekday.short.2': {
    en: 'Tue',
    'zh-CN': '周二',
  },
  'weekday.short.3': {
    en: 'Wed',
    'zh-CN': '周三',
  },
  'weekday.short.4': {
    en: 'Thu',
    'zh-CN': '周四',
  },
  'weekday.short.5': {
    en: 'Fri',
    'zh-CN': '周五',
  },
  'weekday.short.6': {
    en: 'Sat',
    'zh-CN': '周六',
  },
  'weekday.long.0': {
    en: 'Sunday',
    'zh-CN': '星期日',
  },
  'weekday.long.1': {
    en: 'Monday',
    'zh-CN': '星期一',
  },
  'weekday.long.2': {
    en: 'Tuesday',
    'zh-CN': '星期二',
  },
  'weekday.long.3': {
    en: 'Wednesday',
    'zh-CN': '星期三',
  },
  'weekday.long.4': {
    en: 'Thursday',
    'zh-CN': '星期四',
  },
  'weekday.long.5': {
    en: 'Friday',
    'zh-CN': '星期五',
  },
  'weekday.long.6': {
    en: 'Saturday',
    'zh-CN': '星期六',
  },
  'field.subject': {
    en: 'Subject',
    'zh-CN': '标题',
  },
  'field.description': {
    en: 'Description',
    'zh-CN': '描述',
  },
  'field.resolution': {
    en: 'Resolution',
    'zh-CN': '处理说明',
  },
  'field.text': {
    en: 'Text',
    'zh-CN': '内容',
  },
  'error.not_a_command': {
    en: 'I did not understand that. Send “help” (or 帮助) to see what you can do.',
    'zh-CN': '没有看懂这条消息。发送“帮助”查看可用命令。',
  },
  'error.unknown_command': {
    en: 'I do not know `{command}`. Type `/crm help` to see what you can do.',
    'zh-CN': '不认识 `{command}`。输入 `/crm help` 查看可用命令。',
  },
  'error.did_you_mean': {
    en: 'I do not know `{command}`. Did you mean `{suggestion}`?',
    'zh-CN': '不认识 `{command}`。你是想用 `{suggestion}` 吗？',
  },
  'choice.did_you_mean': {
    en: 'Did you mean {choice}?',
    'zh-CN': '你是想选“{choice}”吗？',
  },
  'error.usage': {
    en: 'That did not fit the command. Usage: {usage}',
    'zh-CN': '命令格式不对。用法：{usage}',
  },
  'error.admin_only': {
    en: 'Only admins can do that.',
    'zh-CN': '只有管理员可以这样做。',
  },
  'error.lead_not_found': {
    en: 'There is no lead {id} in this workspace.',
    'zh-CN': '本工作区没有线索 {id}。',
  },
  'error.lead_forbidden': {
    en: 'You cannot see {id}: it belongs to someone outside your team.',
    'zh-CN': '你无权查看 {id}：它属于你团队以外的同事。',
  },
  'error.lead_forbidden_rep': {
    en: 'You cannot see {id}: it belongs to {owner}, and reps see only their own leads. Ask {owner} or your manager.',
    'zh-CN': '你无权查看 {id}：它属于 {owner}，销售只能看到自己的线索。请联系 {owner} 或你的主管。',
  },
  'error.lead_deleted': {
    en: '{id} was deleted. An admin can restore it with `/lead restore {id}`.',
    'zh-CN': '{id} 已删除。管理员可用 `/lead restore {id}` 恢复。',
  },
  'error.lead_gone': {
    en: 'That lead no longer exists in this workspace, or the button is from another one.',
    'zh-CN': '该线索已不存在，或按钮来自其他工作区。',
  },
  'error.lead_id_invalid': {
    en: '“{value}” is not a lead id; use one like L-12.',
    'zh-CN': '“{value}”不是线索编号，请使用 L-12 这样的编号。',
  },
  'error.member_not_found': {
    en: 'That person is not in this workspace.',
    'zh-CN': '此人不在本工作区。',
  },
  'error.member_ambiguous': {
    en: 'More than one member is called {name}: {matches}. Mention one of them by id, e.g. @{example}.',
    'zh-CN': '名为 {name} 的成员不止一位：{matches}。请用 ID 提及其中一位，例如 @{example}。',
  },
  'error.member_no_match': {
    en: 'No member is called {name}. Mention them (@…) or ask them to set their name with /crm name.',
    'zh-CN': '没有名为 {name} 的成员。请直接提及（@…），或请对方用 /crm name 设置名字。',
  },
  'error.stage_unknown': {
    en: 'There is no stage “{value}”. Stages: {stages}.',
    'zh-CN': '没有“{value}”这个阶段。可用阶段：{stages}。',
  },
  'error.date_invalid': {
    en: 'I could not read a date in “{value}”. Try `tomorrow 10am`, `in 3 days`, `2026-12-01` or `下周一`.',
    'zh-CN': '无法识别“{value}”中的日期。可以试试 `明天上午10点`、`3天后`、`2026-12-01` 或 `下周一`。',
  },
  'error.date_past': {
    en: 'That date is in the past.',
    'zh-CN': '这个时间已经过去了。',
  },
  'error.phone_invalid': {
    en: '“{value}” is not a valid phone number.',
    'zh-CN': '“{value}”不是有效的电话号码。',
  },
  'error.email_invalid': {
    en: '“{value}” is not a valid email address.',
    'zh-CN': '“{value}”不是有效的邮箱地址。',
  },
  'error.value_invalid': {
    en: '“{value}” is not an amount; try `50k`, `5万` or `¥50,000`.',
    'zh-CN': '“{value}”不是金额，可以写 `50k`、`5万` 或 `¥50,000`。',
  },
  'error.field_too_long': {
    en: '{field} is too long (at most {max} characters).',
    'zh-CN': '{field} 太长（最多 {max} 个字符）。',
  },
  'error.too_many': {
    en: 'Too many {field} entries (at most {max}).',
    'zh-CN': '{field} 太多（最多 {max} 个）。',
  },
  'error.text_too_long': {
    en: 'That message is too long (at most {max} characters). Nothing was saved.',
    'zh-CN': '消息太长（最多 {max} 个字符），未保存任何内容。',
  },
  'error.db_unavailable': {
    en: 'The CRM database is not answering right now. Nothing was saved; please try again in a minute.',
    'zh-CN': 'CRM 数据库暂时无法访问，未保存任何内容，请稍后重试。',
  },
  'error.internal': {
    en: 'Something went wrong on our side. Nothing was saved; please try again.',
    'zh-CN': '系统出了点问题，未保存任何内容，请重试。',
  },
  'error.invalid_payload': {
    en: 'The request ChatCRM received was incomplete (a field is missing or malformed). Nothing was saved.',
    'zh-CN': 'ChatCRM 收到的请求不完整（缺少字段或格式不对），未保存任何内容。',
  },
} satisfies Messages;
