import { execFileSync } from 'node:child_process';
import { parseWhen, tzOffsetMinutes } from '../../src/platform/dates';

// Monday 23 November 2026, 17:00 in Shanghai (09:00 UTC, 09:00 in London).
const NOW = new Date('2026-11-23T09:00:00Z');
const SH = 'Asia/Shanghai';

/** Wall-clock "YYYY-MM-DD HH:mm" of an instant in a time zone. */
function local(at: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const g = (t: string) => p.find((x) => x.type === t)!.value;
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}`;
}

describe('tzOffsetMinutes', () => {
  it('should be 480 for Asia/Shanghai', () => {
    expect(tzOffsetMinutes(SH, NOW)).toBe(480);
  });

  it('should follow daylight saving time in Europe/London', () => {
    expect(tzOffsetMinutes('Europe/London', NOW)).toBe(0);
    expect(tzOffsetMinutes('Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe(60);
  });

  it('should be negative west of UTC and handle half-hour zones', () => {
    expect(tzOffsetMinutes('America/New_York', NOW)).toBe(-300);
    expect(tzOffsetMinutes('Asia/Kolkata', NOW)).toBe(330);
  });
});

describe('parseWhen in Asia/Shanghai', () => {
  it('should read "tomorrow 10am" as 10:00 Shanghai time the next day', () => {
    const r = parseWhen('tomorrow 10am', SH, NOW);
    expect(r?.at.toISOString()).toBe('2026-11-24T02:00:00.000Z');
    expect(r?.rest).toBe('');
  });

  it('should read "in 3 days" as 09:00 local three days later', () => {
    const r = parseWhen('in 3 days', SH, NOW);
    expect(local(r!.at, SH)).toBe('2026-11-26 09:00');
    expect(r?.at.toISOString()).toBe('2026-11-26T01:00:00.000Z');
  });

  it('should read an ISO day "2026-12-01" as 09:00 local on that day', () => {
    expect(parseWhen('2026-12-01', SH, NOW)?.at.toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('should read "下周一" as next Monday at 09:00 local', () => {
    const r = parseWhen('下周一', SH, NOW);
    expect(local(r!.at, SH)).toBe('2026-11-30 09:00');
  });

  it('should read "明天下午3点" as 15:00 Shanghai time tomorrow', () => {
    expect(parseWhen('明天下午3点', SH, NOW)?.at.toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });

  it('should split "friday call back" into Friday 09:00 and the rest "call back"', () => {
    const r = parseWhen('friday call back', SH, NOW);
    expect(local(r!.at, SH)).toBe('2026-11-27 09:00');
    expect(r?.rest).toBe('call back');
  });

  it('should keep the text on both sides of the date as the rest', () => {
    const r = parseWhen('call back friday about pricing', SH, NOW);
    expect(local(r!.at, SH)).toBe('2026-11-27 09:00');
    expect(r?.rest).toBe('call back about pricing');
  });

  it('should keep Chinese text after the date as the rest', () => {
    expect(parseWhen('下周一 回访', SH, NOW)?.rest).toBe('回访');
  });

  it('should return null when there is no date', () => {
    expect(parseWhen('no date here', SH, NOW)).toBeNull();
  });

  it('should not put "tonight" in the past', () => {
    // 17:00 now; 09:00 today has already gone.
    const r = parseWhen('tonight call back', SH, NOW);
    expect(r).not.toBeNull();
    expect(r!.at.getTime()).toBeGreaterThan(NOW.getTime());
    expect(local(r!.at, SH).slice(0, 10)).toBe('2026-11-23');
  });
});

describe('parseWhen in other time zones', () => {
  it('should read "tomorrow 10am" as 10:00 London time in Europe/London', () => {
    const r = parseWhen('tomorrow 10am', 'Europe/London', NOW);
    expect(local(r!.at, 'Europe/London')).toBe('2026-11-24 10:00');
    expect(r?.at.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('should read "tomorrow 10am" as 10:00 New York time in America/New_York', () => {
    const r = parseWhen('tomorrow 10am', 'America/New_York', NOW);
    expect(local(r!.at, 'America/New_York')).toBe('2026-11-24 10:00');
  });

  it('should put a day without a time at 09:00 local after the clocks change', () => {
    // Friday 27 March 2026, GMT; British Summer Time starts on Sunday 29 March.
    const r = parseWhen('monday', 'Europe/London', new Date('2026-03-27T09:00:00Z'));
    expect(local(r!.at, 'Europe/London')).toBe('2026-03-30 09:00');
  });

  it('should keep an explicit time on the wall clock after the clocks change', () => {
    // Saturday 28 March 2026, GMT; "tomorrow" is the first day of British Summer Time.
    const r = parseWhen('tomorrow 10am', 'Europe/London', new Date('2026-03-28T09:00:00Z'));
    expect(local(r!.at, 'Europe/London')).toBe('2026-03-29 10:00');
    expect(r?.at.toISOString()).toBe('2026-03-29T09:00:00.000Z');
  });
});

describe('parseWhen whatever time zone the server runs in', () => {
  // 22:00 UTC on Sunday 22 Nov is already 06:00 on Monday 23 Nov in Shanghai: "tomorrow" is Tuesday there.
  // A server's zone is fixed when its process starts, so each zone gets a process of its own.
  const phrases = ['明天下午3点', 'tomorrow 3pm', '后天', '3天后', 'in 3 days', '下周一', 'friday', '2026-12-01 14:30', '今晚8点'];
  const script = `
    const { parseWhen } = require('./src/platform/dates');
    const now = new Date('2026-11-22T22:00:00Z');
    const phrases = ${JSON.stringify(phrases)};
    console.log(JSON.stringify({ offset: now.getTimezoneOffset(), at: phrases.map((p) => parseWhen(p, 'Asia/Shanghai', now).at.toISOString()) }));`;

  it.each([
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Asia/Shanghai', -480],
    ['Pacific/Auckland', -780],
  ])('should read English and Chinese phrases in the user zone on a server in %s', (zone, offset) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    const r = JSON.parse(out) as { offset: number; at: string[] };
    expect(r.offset).toBe(offset);
    expect(Object.fromEntries(phrases.map((p, i) => [p, local(new Date(r.at[i]), SH)]))).toEqual({
      明天下午3点: '2026-11-24 15:00',
      'tomorrow 3pm': '2026-11-24 15:00',
      后天: '2026-11-25 09:00',
      '3天后': '2026-11-26 09:00',
      'in 3 days': '2026-11-26 09:00',
      下周一: '2026-11-30 09:00',
      friday: '2026-11-27 09:00',
      '2026-12-01 14:30': '2026-12-01 14:30',
      今晚8点: '2026-11-23 20:00',
    });
  }, 30_000);
});
