import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';

const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '公司',
  'co., ltd.',
  'co., ltd',
  'co. ltd.',
  'co ltd',
  'co.,ltd.',
  'co.,ltd',
  'company limited',
  'corporation',
  'limited',
  'corp.',
  'corp',
  'inc.',
  'inc',
  'llc',
  'ltd.',
  'ltd',
  'gmbh',
  'plc',
];

/** NFKC (full-width to half-width), lower-case, single spaces. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Company name as matched: NFKC, case, legal suffixes and punctuation removed ("Acme Co., Ltd." == "ACME"). */
export function foldCompany(s: string): string {
  let out = foldText(s);
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (out.length > suffix.length && out.endsWith(suffix)) {
        out = out.slice(0, -suffix.length).replace(/[\s,.，。]+$/u, '');
        changed = true;
      }
    }
  }
  return out.replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** Contact names match ignoring case, width, spaces and punctuation. */
export function foldName(s: string): string {
  return foldText(s).replace(/[\p{P}\p{S}\s]+/gu, '');
}

const emailSchema = z.email();

export function normalizeEmail(s: string): string | null {
  const e = s.normalize('NFKC').trim().toLowerCase();
  return emailSchema.safeParse(e).success ? e : null;
}

export interface PhoneParse {
  /** E.164, with `;ext=NNN` (RFC 3966) when the number had an extension: 转 814, ext. 801, x801. */
  e164: string;
  /** The region assumed for a number typed without a country code (a guess the card shows); null when the text said. */
  guessed: string | null;
}

// An extension at the end: 转 814, 分机 814, ext. 801, extension 801, x801, #801.
const EXTENSION = /\s*(?:转|分机|ext\.?|extension|x|#)\s*(\d{1,6})$/i;
// North American grouping no other plan writes: (415) 555 0177, 415.867.5309.
const NANP_STYLE = /^(?:1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)\s*[2-9]\d{2}[\s.-]?\d{4}|[2-9]\d{2}\.[2-9]\d{2}\.\d{4})$/;
const NANP_REGIONS = new Set(['US', 'CA']);

function parseValid(s: string, region: string): string | null {
  const p = parsePhoneNumberFromString(s, region as CountryCode);
  return p && p.isValid() ? p.number : null;
}

/**
 * Reads a phone typed in any format (+86, 0086, spaces, dashes, dots, full-width digits, an
 * extension). A number without a country code is read in the default region, unless it is written
 * the North American way ((415) 555 0177) and is a valid number there; either way the region is a guess.
 */
export function parsePhone(s: string, region: string): PhoneParse | null {
  // Bounded: nobody types a phone of more than 40 characters, and the patterns stay cheap.
  if (s.length > 60) return null;
  let text = s.normalize('NFKC').trim().replace(/^00/, '+');
  const ext = text.match(EXTENSION);
  if (ext) text = text.slice(0, ext.index).trim();
  const withExt = (n: string) => (ext ? `${n};ext=${ext[1]}` : n);
  if (/^\(?\s*\+/.test(text)) {
    const n = parseValid(text.replace(/[()]/g, ' '), region);
    return n ? { e164: withExt(n), guessed: null } : null;
  }
  if (!NANP_REGIONS.has(region) && NANP_STYLE.test(text)) {
    const us = parseValid(text, 'US');
    if (us) return { e164: withExt(us), guessed: 'US' };
  }
  const n = parseValid(text, region);
  return n ? { e164: withExt(n), guessed: region } : null;
}

/** E.164 (with `;ext=` when there is one) for a phone typed in any format; null if invalid. */
export function normalizePhone(s: string, region: string): string | null {
  return parsePhone(s, region)?.e164 ?? null;
}

/** "+86 22 4345 0728 ext. 814" for a stored E.164 key. */
export function formatPhone(e164: string): string {
  const [main, ext] = e164.split(';ext=');
  const p = parsePhoneNumberFromString(main);
  return `${p ? p.formatInternational() : main}${ext ? ` ext. ${ext}` : ''}`;
}

/** Does this text look like someone meant a phone number (so a failed parse is an error, not a name)? */
export function looksLikePhone(s: string): boolean {
  const t = s.normalize('NFKC').trim();
  return /^[+(]?[\d][\d\s\-().]{4,}$/.test(t) && t.replace(/\D/g, '').length >= 5;
}
