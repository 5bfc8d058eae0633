import { tzOffsetMinutes } from './dates';

// Wall-clock rules for the jobs, in the workspace's time zone: working hours (nudges wait for them) and
// the weekly digest's slot.

export interface WorkHours {
  start: string;
  end: string;
  /** Weekdays, 0 = Sunday. */
  days: number[];
}

export interface DigestSchedule {
  day: number;
  time: string;
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** "09:30" -> 570; null when not a valid time of day. */
export function parseClock(s: string): number | null {
  const m = s.trim().match(/^(\d{1,2})(?::(\d{2}))?$/);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** The local weekday and minute of the day at `at`. */
export function localClock(at: Date, timeZone: string): { day: number; minute: number } {
  const local = new Date(at.getTime() + tzOffsetMinutes(timeZone, at) * MINUTE);
  return { day: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The instant of local midnight starting the day that contains `at`, plus `minute` minutes. */
function localTimeOnDayOf(at: Date, timeZone: string, minute: number): Date {
  const offset = tzOffsetMinutes(timeZone, at) * MINUTE;
  const local = at.getTime() + offset;
  const wall = local - (local % DAY) + minute * MINUTE;
  // The offset on the target wall time itself (a daylight-saving change in between keeps the hour).
  const first = wall - offset;
  return new Date(wall - tzOffsetMinutes(timeZone, new Date(first)) * MINUTE);
}

export function isWorkingTime(at: Date, hours: WorkHours, timeZone: string): boolean {
  const { day, minute } = localClock(at, timeZone);
  const start = parseClock(hours.start) ?? 0;
  const end = parseClock(hours.end) ?? 1440;
  return hours.days.includes(day) && minute >= start && minute < end;
}

/** The most recent digest time at or before `at` (day and time in the workspace's zone). */
export function latestDigestSlot(at: Date, s: DigestSchedule, timeZone: string): Date {
  const minute = parseClock(s.time) ?? 9 * 60;
  for (let i = 0; i <= 7; i++) {
    const day = new Date(at.getTime() - i * DAY);
    const candidate = localTimeOnDayOf(day, timeZone, minute);
    if (candidate <= at && localClock(candidate, timeZone).day === s.day) return candidate;
  }
  return localTimeOnDayOf(new Date(at.getTime() - 7 * DAY), timeZone, minute);
}
