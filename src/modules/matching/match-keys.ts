import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import {
  EN_LEGAL_WORDS, EN_PLACES, EN_TITLES, FREE_MAIL_DOMAINS, JOINERS, MIN_CORE_AFTER_PLACE, ZH_LEGAL_SUFFIXES, ZH_PLACE_MARKERS, ZH_PLACES, ZH_TITLES,
} from './match-rules';

// The normalised forms the engine compares: a company's core, a contact's name as pinyin syllables, an
// e-mail's company domain. Pure functions of the text, driven by the tables in match-rules.ts.

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const byLength = (a: string, b: string) => b.length - a.length;
const ZH_SUFFIXES = [...ZH_LEGAL_SUFFIXES].sort(byLength);
const ZH_PLACE_LIST = [...ZH_PLACES].sort(byLength);
const MARKERS = [...ZH_PLACE_MARKERS].sort(byLength);
const EN_DROP = new Set([...EN_LEGAL_WORDS, ...JOINERS]);
const EN_PLACE_SET = new Set(EN_PLACES);
const ZH_TITLE_LIST = [...ZH_TITLES].sort(byLength);
const EN_TITLE_SET = new Set(EN_TITLES);
const FREE_MAIL = new Set(FREE_MAIL_DOMAINS);
const BRACKETS = /[(（[【]([^)）\]】]*)[)）\]】]/gu;

/** Results of a pure function of one string, the most recent MEMO_SIZE kept: candidates come back often. */
const MEMO_SIZE = 5_000;
function memo<R>(fn: (s: string) => R): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const value = fn(s);
    if (cache.size >= MEMO_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(s, value);
    return value;
  };
}

/** Simplified script, NFKC (full-width to half-width), lower case, single spaces. */
export function foldScript(s: string): string {
  return toSimplified(s.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A place name with what may follow it (上海市, 广东省), or '' when `s` does not start with one. */
function placeAtStart(s: string): string {
  const place = ZH_PLACE_LIST.find((p) => s.startsWith(p));
  if (!place) return '';
  const marker = MARKERS.find((m) => s.startsWith(m, place.length)) ?? '';
  return place + marker;
}

const isPlaceOrForm = (inner: string) => {
  const t = inner.replace(/[\s.,]/g, '');
  return t === '' || placeAtStart(t).length === t.length || ZH_SUFFIXES.includes(t) || EN_DROP.has(t) || EN_PLACE_SET.has(inner.trim());
};

function stripZhSuffixes(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    const suffix = ZH_SUFFIXES.find((x) => out.length > x.length && out.endsWith(x));
    if (suffix) [out, changed] = [out.slice(0, -suffix.length), true];
  }
  return out;
}

function stripZhPlaces(s: string): string {
  let out = s;
  for (let place = placeAtStart(out); place; place = placeAtStart(out)) {
    const rest = out.slice(place.length);
    if ([...rest].filter((c) => HAN.test(c)).length < MIN_CORE_AFTER_PLACE.han) break;
    out = rest;
  }
  return out;
}

/** English words without legal forms, joiners and (when enough is left) place names. */
function stripEnWords(words: string[]): string[] {
  const kept = words.filter((w) => !EN_DROP.has(w));
  const noPlaces = kept.filter((w) => !EN_PLACE_SET.has(w));
  return noPlaces.join('').length >= MIN_CORE_AFTER_PLACE.latin ? noPlaces : kept;
}

/**
 * The company's core: what is left without legal forms (有限公司, Co., Ltd.), places (上海, （上海）, 上海市,
 * Shanghai), joiners (& / and), punctuation, width, case and script (traditional → simplified).
 */
export const companyCore = memo(function companyCore(name: string): string {
  const folded = foldScript(name.replace(/&/g, ' and ')).replace(/\bs\.a\.?(?=\s|$)/g, 'sa').replace(/\bco\.?,?\s*ltd/g, 'co ltd');
  const unbracketed = folded.replace(BRACKETS, (all, inner: string) => (isPlaceOrForm(inner) ? ' ' : ` ${inner} `));
  const words = unbracketed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const latin = stripEnWords(words.filter((w) => !HAN.test(w)));
  const han = words.filter((w) => HAN.test(w)).join('');
  const hanCore = stripZhPlaces(stripZhSuffixes(han));
  const core = hanCore + latin.join('');
  return core || words.join('');
});

/** A contact's name without titles and honorifics: `张伟经理`, `张总`, `Mr. Zhang Wei`, `Zhang Wei (CEO)`. */
export const bareName = memo(function bareName(name: string): string {
  const folded = foldScript(name).replace(BRACKETS, ' ');
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean).filter((w) => !EN_TITLE_SET.has(w));
  return words.map((w) => (HAN_ONLY.test(w) ? stripZhTitle(w) : w)).join(' ');
});

function stripZhTitle(w: string): string {
  let out = w;
  for (let t = ZH_TITLE_LIST.find((x) => out.length > x.length && out.endsWith(x)); t; t = ZH_TITLE_LIST.find((x) => out.length > x.length && out.endsWith(x))) {
    out = out.slice(0, -t.length);
  }
  return out;
}

/** A contact's name as syllables: pinyin for hanzi (surnames read as surnames), words for Latin letters. */
export const nameSyllables = memo(function nameSyllables(name: string): string[] {
  const bare = bareName(name);
  return bare.split(' ').filter(Boolean).flatMap((w) =>
    HAN.test(w) ? pinyin(w, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed', v: true }).map((p) => p.toLowerCase()) : [w.replace(/ü/g, 'v')],
  );
});

/** Hanzi as toneless pinyin, other characters kept: `鑫达科技` and `新达科技` both give `xindakeji`. */
export const soundOf = memo(function soundOf(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '');
});

/** The contact's blocking key: its syllables in alphabetical order (`Zhang Wei`, `Wei Zhang`, `张伟`, `張偉` → `wei zhang`). */
export function contactKey(name: string): string {
  return [...nameSyllables(name)].sort().join(' ');
}

/** The domain of a company e-mail address; '' for free mail (gmail, qq, 163 …) that says nothing about the company. */
export function companyDomain(email: string): string {
  const domain = email.toLowerCase().split('@')[1] ?? '';
  return domain && !FREE_MAIL.has(domain) ? domain : '';
}
