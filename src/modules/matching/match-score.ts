import { bareName, companyCore, companyDomain, nameSyllables, soundOf } from './match-keys';
import { bigramDice, jaroWinkler } from './similarity';

// Scoring one pair: how alike two companies and two contacts are, and what that makes them. A lead is
// one company and one person at it, so "the same customer" for a lead means the same person at the same
// company: the same e-mail or phone (with its extension), or a company and a contact that both match.
// Another person at the same company is a new lead (the customer records of a later issue join them).

/** Tuned on test/fixtures/dedup-dataset.json (`npm run bench:dedup`). */
export const THRESHOLDS = {
  /** Company and contact both at least this: the same customer. */
  sameCompany: 0.9,
  sameContact: 0.9,
  /** Company and contact both at least this (but not the above): a possible duplicate, shown to decide. */
  possibleCompany: 0.8,
  possibleContact: 0.75,
  /** Two full names below this are two people, even with a shared phone or e-mail (a switchboard, info@). */
  contactConflict: 0.5,
  /** A shared company e-mail domain counts as this much company similarity. */
  sharedDomain: 0.9,
  /** One core inside the other (示例 / 示例科技): this much. */
  containedCore: 0.85,
  /** A bare surname (张总, 王女士) that is the other name's surname: this much. */
  surnameOnly: 0.8,
  /** The same pinyin written with other characters (章伟 / 张伟, 鑫达 / 新达): this much, for a contact or a company. */
  homophone: 0.85,
};

export type MatchReason = 'same_email' | 'same_phone' | 'same_company' | 'similar_company' | 'same_domain' | 'same_contact' | 'similar_contact';
export type Verdict = 'same' | 'possible' | 'new';

export interface MatchSubject {
  company: string;
  contactName: string;
  /** E.164, with `;ext=` when the number has an extension (it is part of the number's identity). */
  phones: string[];
  /** Lower-cased. */
  emails: string[];
}

export interface MatchProfile {
  core: string;
  /** The core's hanzi as toneless pinyin ('' without hanzi): homophones typed by the IME compare equal. */
  coreSound: string;
  syllables: string[];
  han: string;
  phones: Set<string>;
  emails: Set<string>;
  domains: Set<string>;
}

export interface PairScore {
  verdict: Verdict;
  score: number;
  company: number;
  contact: number;
  reasons: MatchReason[];
}

const HAN_NAME = /^\p{Script=Han}+$/u;

export function profileOf(s: MatchSubject): MatchProfile {
  const core = companyCore(s.company);
  const bare = bareName(s.contactName).replace(/\s+/g, '');
  return {
    core,
    coreSound: /\p{Script=Han}/u.test(core) ? soundOf(core) : '',
    syllables: nameSyllables(s.contactName),
    han: HAN_NAME.test(bare) ? bare : '',
    phones: new Set(s.phones),
    emails: new Set(s.emails.map((e) => e.toLowerCase())),
    domains: new Set(s.emails.map(companyDomain).filter(Boolean)),
  };
}

const minLength = (a: string, b: string) => Math.min([...a].length, [...b].length);

export function companySimilarity(a: MatchProfile, b: MatchProfile): number {
  let sim = 0;
  if (a.core && b.core) {
    if (a.core === b.core) return 1;
    if (a.coreSound && a.coreSound === b.coreSound) return THRESHOLDS.homophone;
    sim = (jaroWinkler(a.core, b.core) + bigramDice(a.core, b.core)) / 2;
    if (minLength(a.core, b.core) >= 2 && (a.core.includes(b.core) || b.core.includes(a.core))) sim = Math.max(sim, THRESHOLDS.containedCore);
  }
  if ([...a.domains].some((d) => b.domains.has(d))) sim = Math.max(sim, THRESHOLDS.sharedDomain);
  return sim;
}

/** How many syllables the two names share (as multisets), over their mean count. */
function syllableDice(x: string[], y: string[]): number {
  const pool = [...y];
  let shared = 0;
  for (const s of x) {
    const i = pool.findIndex((p) => p === s || (s.length > 3 && jaroWinkler(p, s) >= 0.93));
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

function surnameOnly(short: string[], full: string[]): boolean {
  return short.length === 1 && full.length >= 2 && (full[0] === short[0] || full[full.length - 1] === short[0]);
}

/** A name's letters surname-first and given-first: ["zhangxiuying", "xiuyingzhang"]. */
function writtenForms(x: string[]): string[] {
  return [x.join(''), [...x.slice(1), x[0]].join(''), [x[x.length - 1], ...x.slice(0, -1)].join('')];
}

export function contactSimilarity(a: MatchProfile, b: MatchProfile): number {
  const [x, y] = [a.syllables, b.syllables];
  if (!x.length || !y.length) return 0;
  if (a.han && b.han && a.han === b.han) return 1;
  if (surnameOnly(x, y) || surnameOnly(y, x)) return THRESHOLDS.surnameOnly;
  // Given names typed as one word or as syllables (Zhang Xiuying / 张秀英), either order.
  if (writtenForms(x).some((f) => writtenForms(y).includes(f))) return a.han && b.han ? THRESHOLDS.homophone : 1;
  let sim = syllableDice(x, y);
  // A name typed as one word ("ZhangWei") against syllables: compare the letters in both orders.
  if ((x.length === 1) !== (y.length === 1)) {
    const one = (x.length === 1 ? x : y)[0];
    const many = x.length === 1 ? y : x;
    sim = Math.max(sim, jaroWinkler(one, many.join('')), jaroWinkler(one, [...many].reverse().join('')));
  }
  // Different characters with the same sound (章伟 / 张伟) are likely, not certainly, one person.
  if (sim === 1 && a.han && b.han) return THRESHOLDS.homophone;
  return sim;
}

function reasonsOf(company: number, contact: number, sharedEmail: boolean, sharedPhone: boolean, sharedDomain: boolean): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (sharedEmail) reasons.push('same_email');
  if (sharedPhone) reasons.push('same_phone');
  if (company >= 1) reasons.push('same_company');
  else if (sharedDomain && company <= THRESHOLDS.sharedDomain) reasons.push('same_domain');
  else if (company >= THRESHOLDS.possibleCompany) reasons.push('similar_company');
  if (contact >= 1) reasons.push('same_contact');
  else if (contact >= THRESHOLDS.possibleContact) reasons.push('similar_contact');
  return reasons;
}

function verdictOf(company: number, contact: number, shared: boolean, conflict: boolean): Verdict {
  if (shared) return conflict ? 'possible' : 'same';
  if (company >= THRESHOLDS.sameCompany && contact >= THRESHOLDS.sameContact) return 'same';
  if (company >= THRESHOLDS.possibleCompany && contact >= THRESHOLDS.possibleContact) return 'possible';
  return 'new';
}

/** What `b` is to `a`: the same customer, possibly the same, or a different one; with the reasons. */
export function comparePair(a: MatchProfile, b: MatchProfile): PairScore {
  const sharedEmail = [...a.emails].some((e) => b.emails.has(e));
  const sharedPhone = [...a.phones].some((p) => b.phones.has(p));
  const sharedDomain = [...a.domains].some((d) => b.domains.has(d));
  const company = companySimilarity(a, b);
  const contact = contactSimilarity(a, b);
  // Two full names that are clearly two people: a shared switchboard or info@ address is not enough.
  const conflict = a.syllables.length >= 2 && b.syllables.length >= 2 && contact < THRESHOLDS.contactConflict;
  const verdict = verdictOf(company, contact, sharedEmail || sharedPhone, conflict);
  const score = (sharedEmail || sharedPhone ? 1 : 0) + company + contact;
  return { verdict, score, company, contact, reasons: verdict === 'new' ? [] : reasonsOf(company, contact, sharedEmail, sharedPhone, sharedDomain) };
}
