export interface Money {
  amount: number;
  currency: string | null;
}

const SYMBOLS: Record<string, string> = { '¥': 'CNY', '￥': 'CNY', $: 'USD', '€': 'EUR', '£': 'GBP' };
const CODES = ['CNY', 'RMB', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'SGD'];

/** Parses "50k", "5万", "¥50,000", "1.2m", "30000 USD", "100万元"; null when it is not an amount. */
export function parseMoney(input: string): Money | null {
  let s = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  let currency: string | null = null;
  const sym = s[0] && SYMBOLS[s[0]];
  if (sym) {
    currency = sym;
    s = s.slice(1).trim();
  }
  const code = s.match(/^([A-Za-z]{3})\s*|\s*([A-Za-z]{3})$/);
  if (code) {
    const c = (code[1] ?? code[2]).toUpperCase();
    if (CODES.includes(c)) {
      currency = c === 'RMB' ? 'CNY' : c;
      s = s.replace(code[0], '').trim();
    }
  }
  if (/元$/.test(s)) {
    currency = currency ?? 'CNY';
    s = s.slice(0, -1);
  }
  const m = s.match(/^(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k|m|万|千|百万|亿)?$/i);
  if (!m) return null;
  const base = Number(m[1].replace(/,/g, ''));
  const mult: Record<string, number> = { k: 1e3, m: 1e6, 千: 1e3, 万: 1e4, 百万: 1e6, 亿: 1e8 };
  const unit = m[2]?.toLowerCase();
  const amount = Math.round(base * (unit ? mult[unit] : 1) * 100) / 100;
  if (unit && ['万', '千', '百万', '亿'].includes(unit)) currency = currency ?? 'CNY';
  return Number.isFinite(amount) ? { amount, currency } : null;
}

export function formatMoney(amount: number, currency: string | null, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'CNY', maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}
