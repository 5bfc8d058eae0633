import type { Messages } from '../../platform/i18n';

// The duplicates list: 重复 is duplicate, 线索 lead, 合并 merge, 主管 manager, 管理员 admin (as everywhere).
export const duplicatesMessages = {
  'help.crm.duplicates': {
    en: '`/crm duplicates`: likely duplicate leads, to merge or mark as not duplicates (managers, admins); `/crm duplicates scan`: look for them again (admins)',
    'zh-CN': '`/crm duplicates`：可能重复的线索，可合并或标记为不是重复（主管、管理员）；`/crm duplicates scan`：重新查找重复线索（管理员）',
  },
  'duplicates.title': {
    en: 'Likely duplicate leads ({count} pairs)',
    'zh-CN': '可能重复的线索（{count} 对）',
  },
  'duplicates.none': {
    en: 'No likely duplicate leads that you can see. Leads are checked again every day; an admin can start a check now with `/crm duplicates scan`.',
    'zh-CN': '没有你可查看的可能重复的线索。线索每天会重新查重；管理员可用 `/crm duplicates scan` 立即查重。',
  },
  'duplicates.pair.same': {
    en: '{a} and {b}: the same customer',
    'zh-CN': '{a} 与 {b}：同一客户',
  },
  'duplicates.pair.possible': {
    en: '{a} and {b}: possible duplicate',
    'zh-CN': '{a} 与 {b}：可能重复',
  },
  'duplicates.pair.lead': {
    en: '{id} · {company} · {contact} · owner {owner}',
    'zh-CN': '{id} · {company} · {contact} · 负责人 {owner}',
  },
  'duplicates.pair.reasons': {
    en: 'Why: {reasons}',
    'zh-CN': '原因：{reasons}',
  },
  'duplicates.more': {
    en: '…and {count} more pairs: merge or dismiss these to see them.',
    'zh-CN': '……还有 {count} 对；处理完以上几对后即可看到。',
  },
  'duplicates.more_capped': {
    en: '…and at least {count} more pairs: merge or dismiss these to see them.',
    'zh-CN': '……至少还有 {count} 对；处理完以上几对后即可看到。',
  },
  'duplicates.btn.dismiss': {
    en: 'Not a duplicate',
    'zh-CN': '不是重复',
  },
  'duplicates.dismissed': {
    en: '{a} and {b} are marked as not duplicates: this pair is not listed again.',
    'zh-CN': '已将 {a} 与 {b} 标记为不是重复，这对线索不会再列出。',
  },
  'duplicates.already_dismissed': {
    en: '{a} and {b} were already marked as not duplicates.',
    'zh-CN': '{a} 与 {b} 已经标记为不是重复。',
  },
  'duplicates.managers_only': {
    en: 'Only managers and admins can review duplicate leads. Ask your manager to look at `/crm duplicates`.',
    'zh-CN': '只有主管和管理员可以查看重复线索。请让你的主管查看 `/crm duplicates`。',
  },
  'duplicates.pair_unavailable': {
    en: 'This pair of leads is no longer there, or not within what you can see.',
    'zh-CN': '这对线索已不存在，或不在你可查看的范围内。',
  },
  'duplicates.scan_requested': {
    en: 'Every lead will be checked for duplicates in the next few minutes; then `/crm duplicates` lists what was found.',
    'zh-CN': '几分钟内将对全部线索查重，之后可用 `/crm duplicates` 查看结果。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    duplicates: keyof typeof duplicatesMessages;
  }
}
