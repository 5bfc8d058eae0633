// Setting values as people type them: `9-6`, `9am-6pm`, `monday 9am`, `周一 上午9点`, `高 1小时 8小时`.
import { parseClock } from '../../platform/schedule';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** "9", "09:00", "9am", "6:30pm", "9点", "下午6点半" -> minutes of the day and whether am/pm was said. */
export function readClock(s: string): { minute: number; explicit: boolean; bare: boolean } | null {
  const v = s.trim().toLowerCase().replace(/\s+/g, '');
  const m = v.match(/^(上午|早上|中午|下午|晚上)?(\d{1,2})(?:[:：点時时](\d{2})?(半)?分?)?(am|pm|a\.m\.|p\.m\.)?$/);
  if (!m) return null;
  let h = Number(m[2]);
  const min = m[4] ? 30 : Number(m[3] ?? 0);
  const pm = m[5]?.startsWith('p') || ['下午', '晚上'].includes(m[1] ?? '') || (m[1] === '中午' && h < 11);
  const explicit = Boolean(m[1] || m[5]);
  if (explicit && (h < 1 || h > 12)) return null;
  if (pm && h < 12) h += 12;
  if (!pm && explicit && h === 12 && m[1] !== '中午') h = 0;
  const minute = parseClock(`${h}:${pad(min)}`);
  // "6" alone (no minutes, no am/pm) is what "9-6" means by an afternoon hour.
  return minute === null ? null : { minute, explicit, bare: !explicit && !m[3] && !m[4] };
}

/** "9-6" (read as 09:00-18:00; "18:00-09:00" is refused), "9am-6pm", "09:00-18:00", "9点-18点" -> "HH:MM" start and end. */
export function readHoursRange(s: string): { start: string; end: string } | null {
  const [a, b, extra] = s.split(/[-–~至到]/);
  if (extra !== undefined) return null;
  const start = readClock(a ?? '');
  const end = readClock(b ?? '');
  if (!start || !end) return null;
  // "9-6": an end before the start, said without am/pm, is in the afternoon.
  const endMinute = end.minute <= start.minute && end.bare && end.minute < 12 * 60 ? end.minute + 12 * 60 : end.minute;
  return endMinute > start.minute ? { start: hhmm(start.minute), end: hhmm(endMinute) } : null;
}

/** A time of day as typed -> "HH:MM". */
export function readTime(s: string): string | null {
  const c = readClock(s.replace(/^(at|于|在)\s*/i, ''));
  return c ? hhmm(c.minute) : null;
}

const UNITS: [RegExp, number][] = [
  [/^(d|days?|天)$/, 1440],
  [/^(h|hrs?|hours?|小时|个小时|钟头)$/, 60],
  [/^(m|mins?|minutes?|分钟|分)$/, 1],
];

/** "90m", "4h", "1h30m", "1.5h", "4 hours", "1小时", "30分钟", "2天" -> minutes; null when unreadable. */
export function readDuration(s: string): number | null {
  const v = s.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d+(\.\d+)?[^\d.]+)+$/.test(v)) return null;
  let minutes = 0;
  for (const [, n, unit] of v.matchAll(/(\d+(?:\.\d+)?)([^\d.]+)/g)) {
    const per = UNITS.find(([re]) => re.test(unit))?.[1];
    if (per === undefined) return null;
    minutes += Number(n) * per;
  }
  const whole = Math.round(minutes);
  return whole > 0 && whole <= 90 * 1440 ? whole : null;
}

/** "1h 8h", "1 hour 8 hours", "1小时 8小时", "30min/4h" -> the two durations' texts. */
export function splitDurations(s: string): string[] {
  // "4 hours" is one duration: join a number to the unit that follows it.
  return s.replace(/(\d)\s+(?=[^\d\s/,，、])/g, '$1').split(/[\s/,，、]+/).filter(Boolean);
}

/** Ticket priorities, most urgent first: each has its own SLA targets here and a ticket has one (tickets re-export it). */
export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

const PRIORITY_WORDS: Record<string, Priority> = { high: 'high', 高: 'high', normal: 'normal', medium: 'normal', 中: 'normal', 普通: 'normal', low: 'low', 低: 'low' };

export function readPriority(s: string): Priority | null {
  return PRIORITY_WORDS[s.trim().toLowerCase()] ?? null;
}
