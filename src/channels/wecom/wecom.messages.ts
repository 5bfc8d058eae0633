// Messages of the WeCom channel and its renderer, English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const wecomMessages = {
  'render.wecom.continued': {
    en: '(more in the next message)',
    'zh-CN': '（更多内容见下一条消息）',
  },
  'render.wecom.more_fields': {
    en: '…and {count} more fields:',
    'zh-CN': '……另有 {count} 个字段：',
  },
  'render.wecom.field': {
    en: '{label}: {value}',
    'zh-CN': '{label}：{value}',
  },
  'render.wecom.more_actions': {
    en: 'More actions: {labels}',
    'zh-CN': '更多操作：{labels}',
  },
  'render.wecom.pick_title': {
    en: 'More actions',
    'zh-CN': '更多操作',
  },
  'render.wecom.pick_button': {
    en: 'Do it',
    'zh-CN': '执行',
  },
  'render.wecom.dropped_actions': {
    en: 'Buttons that could not be shown here: {labels}',
    'zh-CN': '以下按钮无法在此显示：{labels}',
  },
  'render.wecom.type_to_act': {
    en: 'To act on it, send the app:',
    'zh-CN': '如需处理，请向应用发送：',
  },
  'render.wecom.actions': {
    en: 'Actions: {labels}',
    'zh-CN': '可用操作：{labels}',
  },
  'render.wecom.list_separator': {
    en: ', ',
    'zh-CN': '、',
  },
  'render.wecom.untitled': {
    en: 'Choose an action',
    'zh-CN': '请选择操作',
  },
  'render.wecom.optional': {
    en: '{label} (optional)',
    'zh-CN': '{label}（选填）',
  },
  'render.wecom.reply_with': {
    en: 'Reply with:',
    'zh-CN': '请按以下格式回复：',
  },
  'wecom.replied_privately': {
    en: 'I have answered you privately in the ChatCRM app.',
    'zh-CN': '已在 ChatCRM 应用中私信回复你。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    wecom: keyof typeof wecomMessages;
  }
}
