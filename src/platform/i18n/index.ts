import type { Locale } from '../../config';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Looks up a message in the caller's language and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const cat = catalogues[locale] ?? en;
  const template = cat[key] ?? en[key];
  // A {field} parameter is an internal field name ("company"); show the reader its label.
  const fieldKey = `field.${params.field}` as MessageKey;
  let p = typeof params.field === 'string' && fieldKey in cat ? { ...params, field: cat[fieldKey] } : params;
  // Likewise a {stage} given as a stage id ("won" in an error from the domain) reads as its label.
  const stageKey = `stage.${params.stage}` as MessageKey;
  if (typeof params.stage === 'string' && stageKey in cat) p = { ...p, stage: cat[stageKey] };
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in p ? String(p[name]) : m));
}

export function isLocale(s: string): s is Locale {
  return s === 'en' || s === 'zh-CN';
}

export const catalogueFor = (locale: Locale) => catalogues[locale];
