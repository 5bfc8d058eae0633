// Messages of the Slack renderer, English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const slackMessages = {
  'render.more_blocks': {
    en: '… {count} more blocks not shown (the message was too long for Slack).',
    'zh-CN': '…… 还有 {count} 个区块未显示（消息超出 Slack 的长度限制）。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    slack: keyof typeof slackMessages;
  }
}
