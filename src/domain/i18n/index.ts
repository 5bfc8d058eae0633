import type { Locale } from '../../config';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Looks up a message in the caller's language and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function isLocale(s: string): s is Locale {
  return s === 'en' || s === 'zh-CN';
}

export const catalogueFor = (locale: Locale) => catalogues[locale];
