import * as chrono from 'chrono-node';

/** Minutes east of UTC for `timeZone` at `at` (chrono takes an offset, not an IANA name). */
export function tzOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60000);
}

export interface ParsedWhen {
  at: Date;
  /** The text around the date ("call back" in "friday call back"). */
  rest: string;
}

const DEFAULT_HOUR = 9;

/**
 * Reads "tomorrow 10am", "in 3 days", "2026-12-01", "下周一", "明天下午3点" in the user's time zone.
 * A day without a time means 09:00 local. Returns null when no date is found.
 */
export function parseWhen(text: string, timeZone: string, now: Date = new Date()): ParsedWhen | null {
  const input = text.normalize('NFKC');
  // chrono's Chinese parser ignores a reference time zone and reads the reference in the server's
  // zone. So both parsers get a reference whose server-local wall clock is the user's wall clock,
  // and what they read is taken back as wall-clock fields: the server's zone never matters.
  const wallNow = new Date(now.getTime() + tzOffsetMinutes(timeZone, now) * 60000);
  const ref = new Date(wallNow.getUTCFullYear(), wallNow.getUTCMonth(), wallNow.getUTCDate(), wallNow.getUTCHours(), wallNow.getUTCMinutes(), wallNow.getUTCSeconds());
  const results = [...chrono.en.casual.parse(input, ref, { forwardDate: true }), ...chrono.zh.hans.casual.parse(input, ref, { forwardDate: true })];
  if (!results.length) return null;
  const r = results.sort((a, b) => a.index - b.index || b.text.length - a.text.length)[0];
  const get = (c: 'year' | 'month' | 'day' | 'hour' | 'minute') => r.start.get(c) ?? 0;
  // The wall-clock time chrono read (09:00 when no time was given), with the offset the time zone
  // has on that day, so a date across a daylight-saving change keeps its hour.
  const certain = r.start.isCertain('hour');
  let at = instantOf(timeZone, get('year'), get('month'), get('day'), certain ? get('hour') : DEFAULT_HOUR, certain ? get('minute') : 0);
  // "tonight" has an implied 22:00; moving it to 09:00 would put it in the past.
  if (!certain && at <= now) {
    const implied = instantOf(timeZone, get('year'), get('month'), get('day'), get('hour'), get('minute'));
    if (implied > now) at = implied;
  }
  const rest = (input.slice(0, r.index) + ' ' + input.slice(r.index + r.text.length)).replace(/\s+/g, ' ').trim();
  return { at, rest };
}

/** The instant when the wall clock in `timeZone` shows this date and time (month 1-12). */
function instantOf(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - tzOffsetMinutes(timeZone, new Date(wall)) * 60000;
  return new Date(wall - tzOffsetMinutes(timeZone, new Date(first)) * 60000);
}

/** "Fri 27 Nov, 09:00" in the user's language and time zone. */
export function formatWhen(at: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
