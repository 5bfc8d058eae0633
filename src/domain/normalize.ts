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

/** E.164 for a phone typed in any format (+86, 0086, spaces, dashes, full-width digits); null if invalid. */
export function normalizePhone(s: string, region: string): string | null {
  const cleaned = s.normalize('NFKC').trim().replace(/^00/, '+');
  const p = parsePhoneNumberFromString(cleaned, region as CountryCode);
  return p && p.isValid() ? p.number : null;
}

/** Does this text look like someone meant a phone number (so a failed parse is an error, not a name)? */
export function looksLikePhone(s: string): boolean {
  const t = s.normalize('NFKC').trim();
  return /^[+(]?[\d][\d\s\-().]{4,}$/.test(t) && t.replace(/\D/g, '').length >= 5;
}
