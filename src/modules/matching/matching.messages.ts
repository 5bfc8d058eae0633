import type { Messages } from '../../platform/i18n';

// The duplicate engine's words: why two records matched, and the possible-duplicate card.
export const matchingMessages = {
  'duplicate.reason.same_email': { en: 'same e-mail', 'zh-CN': '邮箱相同' },
  'duplicate.reason.same_phone': { en: 'same phone', 'zh-CN': '电话相同' },
  'duplicate.reason.same_company': { en: 'same company', 'zh-CN': '公司相同' },
  'duplicate.reason.similar_company': { en: 'similar company', 'zh-CN': '公司相似' },
  'duplicate.reason.same_domain': { en: 'same e-mail domain', 'zh-CN': '邮箱域名相同' },
  'duplicate.reason.same_contact': { en: 'same contact', 'zh-CN': '联系人相同' },
  'duplicate.reason.similar_contact': { en: 'similar contact', 'zh-CN': '联系人相似' },
  'duplicate.possible.title': {
    en: 'This may be a customer you already have ({count} similar leads)',
    'zh-CN': '这可能是已有的客户（{count} 条相似线索）',
  },
  'duplicate.possible.text': {
    en: 'Nothing was created yet. Open a lead to check it, or create this one anyway.',
    'zh-CN': '尚未创建。可打开线索核对，或仍然创建这一条。',
  },
  'duplicate.possible.row': {
    en: '{id} · {company} · {contact} · {stage} · owner {owner} — {reasons}',
    'zh-CN': '{id} · {company} · {contact} · {stage} · 负责人 {owner} — {reasons}',
  },
  'duplicate.possible.hidden_row': {
    en: 'A lead you cannot see — {reasons}',
    'zh-CN': '一条你无权查看的线索 — {reasons}',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    matching: keyof typeof matchingMessages;
  }
}
