import { looksLikePhone } from './normalize';

// Finders for e-mails, phones, companies and names inside free text (a pasted message can be 40,000
// characters). Each one passes over the text once, or runs only bounded patterns on bounded pieces,
// so the work grows linearly with the length: no pattern may rescan the rest of the text from every
// position (that was quadratic: seconds for one long message, with every other request waiting).

/** The parts of `text` that `take` keeps, and `text` with each part replaced by a space. */
interface Taken {
  found: string[];
  rest: string;
}

// A run of non-space characters (linear with /g: every match consumes what it scanned).
const TOKEN = /[^\s<>()（）"“”]+/g;
const TRAILING_PUNCT = /[.,;:!?。，；：！？、']+$/;

/** E-mail-like tokens ("zhang@acme.cn", "email:zhang@acme.cn" gives the address after the colon). */
export function takeEmails(text: string): Taken {
  if (!text.includes('@')) return { found: [], rest: text };
  const found: string[] = [];
  const rest = text.replace(TOKEN, (tok) => {
    const at = tok.indexOf('@');
    if (at < 0) return tok;
    const colon = Math.max(tok.lastIndexOf(':', at), tok.lastIndexOf('：', at));
    const email = tok.slice(colon + 1).replace(TRAILING_PUNCT, '');
    found.push(email);
    return `${tok.slice(0, colon + 1)} `;
  });
  return { found, rest };
}

const PHONE_CHAR = /[\d \t\-().]/;
const DIGIT = /\d/;
// A phone starts at a digit, a "+" or a "(", not in the middle of a word or an amount (¥50,000.00).
const BEFORE_PHONE = /[\w.,+]/;
const MAX_PHONE_RUN = 40;
const EXTENSION_AFTER = /^\s*(?:转|分机|ext\.?|extension|x|#)\s*\d{1,6}(?!\d)/i;

/** Where the phone-like run starting at `i` ends (exclusive) and its last digit, or null. */
function phoneRun(text: string, i: number): { end: number; lastDigit: number; digits: number } {
  let j = i;
  let lastDigit = -1;
  let digits = 0;
  if (text[j] === '+') j++;
  while (j < text.length && PHONE_CHAR.test(text[j])) {
    if (DIGIT.test(text[j])) {
      lastDigit = j;
      digits++;
    }
    j++;
  }
  return { end: j, lastDigit, digits };
}

/** Phone numbers in free text, with an extension that follows them (转 814, ext. 801). One pass. */
export function takePhones(text: string): Taken {
  const found: string[] = [];
  let rest = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const starts = (DIGIT.test(c) || c === '+' || (c === '(' && /[\d+]/.test(text[i + 1] ?? ''))) && !BEFORE_PHONE.test(text[i - 1] ?? '');
    if (!starts) {
      i++;
      continue;
    }
    const run = phoneRun(text, i);
    const candidate = run.lastDigit >= 0 ? text.slice(i, run.lastDigit + 1) : '';
    if (candidate.length > MAX_PHONE_RUN || run.digits > 20 || !looksLikePhone(candidate)) {
      i = Math.max(run.end, i + 1);
      continue;
    }
    let end = run.lastDigit + 1;
    const ext = text.slice(end, end + 20).match(EXTENSION_AFTER);
    if (ext) end += ext[0].length;
    found.push(text.slice(i, end).trim());
    rest += `${text.slice(copied, i)} `;
    copied = end;
    i = end;
  }
  return { found, rest: rest + text.slice(copied) };
}

const EN_SUFFIX = /^(?:Ltd|Inc|LLC|Corp|Co|GmbH|Limited|Group|PLC)\.?,?$/;
const EN_WORD = /^[A-Z][\w&.-]*$/;
const MAX_COMPANY_WORDS = 6;

/** "Globex Ltd" in "… from Globex Ltd, we met …": up to six capitalised words before a legal suffix. */
function englishCompany(text: string, notAName: Set<string>): string {
  const words = text.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    if (!EN_SUFFIX.test(words[i])) continue;
    let start = i;
    while (start > 0 && i - start < MAX_COMPANY_WORDS && EN_WORD.test(words[start - 1]) && !EN_SUFFIX.test(words[start - 1])) start--;
    // "Met Acme Ltd": a verb or a greeting that starts the sentence is not part of the name.
    while (start < i && notAName.has(words[start])) start++;
    if (start === i) continue;
    let end = i;
    // "Acme Co., Ltd.": a second suffix word belongs to the name.
    if (words[i].endsWith(',') && /^(?:Ltd|Limited)\.?$/.test(words[i + 1] ?? '')) end = i + 1;
    return words.slice(start, end + 1).join(' ').replace(/,$/, '');
  }
  return '';
}

const ZH_SUFFIX = /股份有限公司|有限责任公司|有限公司|集团|公司/g;
const HAN = /[\u4e00-\u9fa5]/;

/** "上海示例科技有限公司": up to 24 Chinese characters before the first legal suffix that has two. */
function chineseCompany(text: string): string {
  for (const m of text.matchAll(ZH_SUFFIX)) {
    let start = m.index;
    while (start > 0 && m.index - start < 24 && HAN.test(text[start - 1])) start--;
    if (m.index - start >= 2) return text.slice(start, m.index + m[0].length);
  }
  return '';
}

/** The first company name found in free text: an English one, else a Chinese one. */
export function companyInText(text: string, notAName: Set<string> = new Set()): string {
  const en = englishCompany(text, notAName);
  const zh = chineseCompany(text);
  if (en && zh) return text.indexOf(en) <= text.indexOf(zh) ? en : zh;
  return en || zh;
}

/** The first pair of capitalised words that is not a greeting or a verb and not inside `company`. */
export function namePair(text: string, company: string, notAName: Set<string>): string {
  const words = text.split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1].replace(/[.,;:!?]+$/, '');
    if (!/^[A-Z][a-z]+$/.test(a) || !/^[A-Z][a-z]+$/.test(b) || notAName.has(a)) continue;
    if (!company.includes(`${a} ${b}`)) return `${a} ${b}`;
  }
  return '';
}
