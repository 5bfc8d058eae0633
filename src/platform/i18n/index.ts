import { LOCALES, type Locale } from '../../config';
import { platformMessages } from './platform.messages';

/** Catalogue entries, both languages side by side: `{ 'lead.created': { en: '…', 'zh-CN': '…' } }`. */
export type Messages = Record<string, Record<Locale, string>>;

/**
 * The message keys, one property per catalogue. platform/ knows no module, so each `*.messages.ts`
 * adds its own keys here by declaration merging (`declare module '…/platform/i18n'`).
 */
export interface MessageKeys {
  platform: keyof typeof platformMessages;
}
export type MessageKey = MessageKeys[keyof MessageKeys];
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': {} };
/** Which catalogue registered each key, so two catalogues cannot claim the same key. */
const owners = new Map<string, Messages>();

/** Adds a catalogue's entries; registering the same catalogue again does nothing. */
export function registerMessages(entries: Messages): void {
  for (const [key, texts] of Object.entries(entries)) {
    const owner = owners.get(key);
    if (owner === entries) continue;
    if (owner) throw new Error(`message key ${key} is registered by two catalogues`);
    owners.set(key, entries);
    for (const locale of LOCALES) catalogues[locale][key] = texts[locale];
  }
}

registerMessages(platformMessages);

/** Looks up a message in the caller's language and fills `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const cat = catalogues[locale] ?? catalogues.en;
  const template = cat[key] ?? catalogues.en[key];
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

/** Every registered message of one language, by key (the live table `t` reads). */
export const catalogueFor = (locale: Locale): Record<MessageKey, string> => catalogues[locale];
