import type { MessageKey, MessageParams } from '../../platform/i18n';
import { foldCompany, foldText, normalizeEmail, parsePhone } from './normalize';
import { companyInText, namePair, takeEmails, takePhones } from './lead-scan';
import { parseMoney } from '../../platform/money';
import { parseWhen } from '../../platform/dates';
import { blockKeysOf, MATCH_RULES_VERSION, type MatchSubject } from '../matching';

export const LIMITS = { text: 3000, company: 200, contact: 100, source: 100, tag: 40, tags: 10, phones: 5, emails: 5, note: 1000, what: 300 };

export type LeadField = 'company' | 'contact' | 'phone' | 'email' | 'source' | 'value' | 'next' | 'tags' | 'note';

/** What the user typed, per field, before validation (shared by the text grammar and the form). */
export interface RawLead {
  company: string;
  contact: string;
  phones: string[];
  emails: string[];
  source: string;
  value: string;
  next: string;
  tags: string[];
  notes: string[];
}

export interface LeadInput {
  company: string;
  contactName: string;
  /** `guessed`: the region assumed for a number typed without a country code (null when the text said). */
  phones: { raw: string; e164: string; guessed: string | null }[];
  emails: string[];
  source: string;
  value: number | null;
  currency: string | null;
  tags: string[];
  next: { at: Date; what: string } | null;
  note: string;
}

export interface FieldIssue {
  field: LeadField;
  key: MessageKey;
  params?: MessageParams;
}

export interface ParseOptions {
  region: string;
  timeZone: string;
  now?: Date;
}

const KEY_ALIASES: Record<string, keyof RawLead> = {
  company: 'company', 公司: 'company', 客户: 'company',
  contact: 'contact', name: 'contact', 联系人: 'contact', 姓名: 'contact',
  phone: 'phones', tel: 'phones', mobile: 'phones', 电话: 'phones', 手机: 'phones',
  // The labels of an e-mail signature: "T: … | M: …", "E: …".
  t: 'phones', m: 'phones', p: 'phones', cell: 'phones', mob: 'phones', direct: 'phones', office: 'phones', 座机: 'phones',
  email: 'emails', mail: 'emails', 邮箱: 'emails', e: 'emails', 'e-mail': 'emails',
  source: 'source', 来源: 'source',
  value: 'value', amount: 'value', 金额: 'value',
  next: 'next', 下次: 'next', 跟进: 'next',
  tag: 'tags', tags: 'tags', 标签: 'tags',
  note: 'notes', notes: 'notes', 备注: 'notes',
};

// Split on ; ； | and newlines, and on commas that are neither thousands separators (¥50,000)
// nor part of a legal suffix ("Acme Co., Ltd."). A full-width ， always splits: it is read before
// NFKC folds it into a comma. A 。 splits only where it ends a sentence before `下次：…`.
const SEPARATOR = /[;；|\r\n]+|,(?!(?<=\d,)\d{3}(?!\d))(?!\s*(?:ltd|inc|llc|limited)\b)|。(?=\s*(?:下次|next)\s*[:：])/i;
const COMPANY_HINT = /(公司|集团|有限|\b(?:ltd|inc|llc|corp|co|gmbh|plc|limited|group)\b\.?)/i;
const COMPANY_AT_END = /(公司|集团|\b(?:ltd|inc|llc|corp|co|gmbh|plc|limited|group)\.?)$/i;
// What is left of a segment once its phones and e-mails are taken: stray punctuation at either end
// ("陈刚,"), or only a label ("T:", "电话：").
const STRAY = /[\s,;:、|/·\-–—]/;
const LABEL_ONLY = /^[\p{L}./\- ]{1,24}:$/u;
// "宁波海港贸易有限公司 陈刚": a company ending in a legal form, a space, then a short name.
const COMPANY_THEN_NAME = /^(.{2,200}?(?:有限公司|公司|集团|\s(?:Ltd|Inc|LLC|Corp|Co|GmbH|PLC|Limited)\.?))\s+(\S+(?:\s\S+){0,2})$/i;

export function emptyRaw(): RawLead {
  return { company: '', contact: '', phones: [], emails: [], source: '', value: '', next: '', tags: [], notes: [] };
}

/** Splits `/lead add` text into raw fields: key: value pairs, emails and phones anywhere, then names. */
export function splitLeadText(text: string): RawLead {
  const raw = emptyRaw();
  const plain: string[] = [];
  for (const seg0 of text.replace(/，/g, '；').normalize('NFKC').split(SEPARATOR)) {
    let seg = seg0.trim();
    if (!seg) continue;
    const kv = seg.match(/^([^\s:]{1,12})\s*:\s*(.*)$/s);
    const field = kv ? KEY_ALIASES[kv[1].toLowerCase()] : undefined;
    if (kv && field) {
      const value = kv[2].trim();
      if (field === 'phones' || field === 'emails' || field === 'notes') raw[field].push(value);
      else if (field === 'tags') raw.tags.push(...value.split(/[\s#/]+/).filter(Boolean));
      else raw[field] = raw[field] ? `${raw[field]} ${value}` : value;
      continue;
    }
    const emails = takeEmails(seg);
    const phones = takePhones(emails.rest);
    raw.emails.push(...emails.found);
    raw.phones.push(...phones.found);
    seg = phones.rest.replace(/\s+/g, ' ').trim();
    // A label whose phone or address was just taken ("T:", "Mobile/WeChat:") is not a note.
    if (phones.found.length + emails.found.length > 0 && LABEL_ONLY.test(seg)) continue;
    seg = trimStray(seg);
    if (!seg) continue;
    // An amount needs a currency or a unit (5万, 50k) to be read without "value:"; "3M" stays a name.
    if (!raw.value && /^[¥￥$€£]|^(CNY|RMB|USD|EUR)\b|元$|^\d[\d,.]*\s*(k|千|万|百万|亿)$/i.test(seg) && parseMoney(seg)) raw.value = seg;
    else plain.push(seg);
  }
  // A segment that looks like a company name is the company wherever it stands; the rest fill
  // company, then contact, in order; anything beyond that is kept as a note.
  const hinted = plain.findIndex((p) => COMPANY_HINT.test(p));
  if (hinted >= 0) raw.company = plain.splice(hinted, 1)[0];
  for (const p of plain) {
    if (!raw.company) raw.company = p;
    else if (!raw.contact) raw.contact = p;
    else raw.notes.push(p);
  }
  splitCompanyAndName(raw);
  return raw;
}

// A loop, not /[…]+$/: that pattern rescans a long run of separators from each of its characters.
function trimStray(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && STRAY.test(s[a])) a++;
  while (b > a && STRAY.test(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Fields typed with spaces instead of ；: a legal form ends the company, a short name follows. */
function splitCompanyAndName(raw: RawLead): void {
  if (raw.contact) return;
  const m = raw.company.match(COMPANY_THEN_NAME);
  if (m) [raw.company, raw.contact] = [m[1].trim(), m[2]];
}

function tooLong(field: LeadField, value: string, max: number, issues: FieldIssue[]): boolean {
  if (value.length <= max) return false;
  issues.push({ field, key: 'error.field_too_long', params: { field, max } });
  return true;
}

/** Validates raw fields; returns the clean input or the list of problems (nothing is written either way). */
export function validateLead(raw: RawLead, opts: ParseOptions): { input?: LeadInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const company = raw.company.trim();
  const contact = raw.contact.trim();
  if (!company) issues.push({ field: 'company', key: 'lead.missing_company' });
  else tooLong('company', company, LIMITS.company, issues);
  if (!contact) issues.push({ field: 'contact', key: 'lead.missing_contact' });
  else tooLong('contact', contact, LIMITS.contact, issues);

  const phones: LeadInput['phones'] = [];
  for (const p of raw.phones.flatMap((s) => s.split(/[,;，；/]+/)).map((s) => s.trim()).filter(Boolean)) {
    const parsed = parsePhone(p, opts.region);
    if (!parsed) issues.push({ field: 'phone', key: 'error.phone_invalid', params: { value: p.slice(0, 40) } });
    else if (!phones.some((x) => x.e164 === parsed.e164)) phones.push({ raw: p, ...parsed });
  }
  if (phones.length > LIMITS.phones) issues.push({ field: 'phone', key: 'error.too_many', params: { field: 'phone', max: LIMITS.phones } });

  const emails: string[] = [];
  // A sentence's full stop after an address ("E: jane@hooli.com.") is not part of it.
  for (const e of raw.emails.flatMap((s) => s.split(/[\s,;，；]+/)).map((s) => s.replace(/[.。]+$/, '')).filter(Boolean)) {
    const n = normalizeEmail(e);
    if (!n) issues.push({ field: 'email', key: 'error.email_invalid', params: { value: e.slice(0, 80) } });
    else if (!emails.includes(n)) emails.push(n);
  }
  if (emails.length > LIMITS.emails) issues.push({ field: 'email', key: 'error.too_many', params: { field: 'email', max: LIMITS.emails } });

  const source = raw.source.trim();
  tooLong('source', source, LIMITS.source, issues);

  let value: number | null = null;
  let currency: string | null = null;
  if (raw.value.trim()) {
    const m = parseMoney(raw.value);
    if (!m) issues.push({ field: 'value', key: 'error.value_invalid', params: { value: raw.value.slice(0, 40) } });
    else ({ amount: value, currency } = m);
  }

  let next: LeadInput['next'] = null;
  // Too long to be a date and a few words: refused before the date parser reads it.
  if (raw.next.trim() && !tooLong('next', raw.next, LIMITS.what + 100, issues)) {
    const when = parseWhen(raw.next, opts.timeZone, opts.now);
    if (!when) issues.push({ field: 'next', key: 'error.date_invalid', params: { value: raw.next.slice(0, 60) } });
    else if (when.at.getTime() <= (opts.now ?? new Date()).getTime()) issues.push({ field: 'next', key: 'error.date_past' });
    else if (!tooLong('next', when.rest, LIMITS.what, issues)) next = { at: when.at, what: when.rest };
  }

  const tags = [...new Set(raw.tags.map((x) => foldText(x)).filter(Boolean))];
  if (tags.length > LIMITS.tags) issues.push({ field: 'tags', key: 'error.too_many', params: { field: 'tags', max: LIMITS.tags } });
  for (const tag of tags) if (tooLong('tags', tag, LIMITS.tag, issues)) break;

  const note = raw.notes.join('\n').trim();
  tooLong('note', note, LIMITS.note, issues);

  if (issues.length) return { issues };
  return { issues, input: { company, contactName: contact, phones, emails, source, value, currency, tags, next, note } };
}

export function parseLeadText(text: string, opts: ParseOptions) {
  const raw = splitLeadText(text);
  const result = validateLead(raw, opts);
  // Fields typed with spaces read as one long company: say how to separate them, in the user's own words.
  const words = raw.company.trim().split(/\s+/);
  const missing = result.issues.find((i) => i.key === 'lead.missing_contact');
  if (missing && words.length > 1 && !COMPANY_AT_END.test(raw.company.trim())) {
    Object.assign(missing, { key: 'lead.missing_contact_spaces', params: { example: words.join(/[\u4e00-\u9fa5]/.test(raw.company) ? '；' : '; ') } });
  }
  return result;
}

export function leadKeysOf(input: Pick<LeadInput, 'company' | 'contactName' | 'phones' | 'emails'>) {
  return {
    phones: input.phones.map((p) => p.e164),
    emails: [...input.emails],
    company: foldCompany(input.company),
    contact: foldText(input.contactName).replace(/[\p{P}\p{S}\s]+/gu, ''),
  };
}

/** The duplicate engine's blocking keys of a typed lead, with the version of its rules (see lead-duplicates.ts). */
export function blockFieldsOf(input: Pick<LeadInput, 'company' | 'contactName' | 'phones' | 'emails'>) {
  return { blockKeys: blockKeysOf(inputSubject(input)), blockKeysV: MATCH_RULES_VERSION };
}

/** What of a typed lead the duplicate engine compares: phones as E.164 keys (with extension), e-mails. */
export function inputSubject(input: Pick<LeadInput, 'company' | 'contactName' | 'phones' | 'emails'>): MatchSubject {
  return { company: input.company, contactName: input.contactName, phones: input.phones.map((p) => p.e164), emails: [...input.emails] };
}

const NOT_A_NAME = new Set(['Met', 'Call', 'Called', 'Spoke', 'Talked', 'Meeting', 'Email', 'Hi', 'Hello', 'Dear', 'Thanks', 'Thank', 'From', 'With', 'Please', 'New', 'Lead']);

/** Pre-fill for "Save as lead": the emails, phones, a company and a person's name found in a message. */
export function extractLeadHints(text: string): Partial<RawLead> & { note: string } {
  const raw = splitLeadText(text);
  // Every finder below is linear in the length (see lead-scan.ts): a message may be 40,000 characters.
  const t = takeEmails(text.normalize('NFKC')).rest;
  const company = companyInText(t, NOT_A_NAME);
  const zhName = t.match(/(?:联系人|我是|我叫)[:\s]{0,3}([\u4e00-\u9fa5]{2,4})/)?.[1];
  return { emails: raw.emails, phones: raw.phones, company, contact: zhName ?? namePair(t, company, NOT_A_NAME), note: text.slice(0, LIMITS.note) };
}
