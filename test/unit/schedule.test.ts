import { isWorkingTime, latestDigestSlot, localClock, parseClock } from '../../src/platform/schedule';
import { parseWeekdays } from '../../src/modules/workspaces/workspace.service';

const office = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const SH = 'Asia/Shanghai';

describe('working hours', () => {
  it.each([
    ['2026-11-30T01:00:00Z', true], // Mon 09:00 Shanghai
    ['2026-11-30T00:59:00Z', false], // Mon 08:59
    ['2026-11-30T09:59:00Z', true], // Mon 17:59
    ['2026-11-30T10:00:00Z', false], // Mon 18:00
    ['2026-12-05T02:00:00Z', false], // Sat 10:00
  ])('should say %s is working time: %s', (iso, expected) => {
    expect(isWorkingTime(new Date(iso), office, SH)).toBe(expected);
  });
});

describe('the digest slot', () => {
  it('should keep the local hour across a daylight-saving change (New York, 1 Nov 2026)', () => {
    // Monday 2 Nov 10:00 EST -> the latest Saturday 09:00 is 31 Oct 09:00 EDT (13:00Z).
    expect(latestDigestSlot(new Date('2026-11-02T15:00:00Z'), { day: 6, time: '09:00' }, 'America/New_York').toISOString()).toBe('2026-10-31T13:00:00.000Z');
  });


  it('should be the latest Monday 09:00 in the workspace time zone', () => {
    const s = { day: 1, time: '09:00' };
    expect(latestDigestSlot(new Date('2026-11-30T01:00:00Z'), s, SH).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(latestDigestSlot(new Date('2026-11-30T00:59:00Z'), s, SH).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(latestDigestSlot(new Date('2026-12-03T12:00:00Z'), s, SH).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(latestDigestSlot(new Date('2026-12-03T12:00:00Z'), { day: 5, time: '17:30' }, 'Europe/London').toISOString()).toBe('2026-11-27T17:30:00.000Z');
  });

  it('should read local clocks and times of day', () => {
    expect(localClock(new Date('2026-11-29T16:30:00Z'), SH)).toEqual({ day: 1, minute: 30 });
    expect(parseClock('9')).toBe(540);
    expect(parseClock('18:30')).toBe(1110);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('9am')).toBeNull();
  });
});

describe('weekday lists', () => {
  it.each([
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['sat,sun', [0, 6]],
    ['fri-mon', [0, 1, 5, 6]],
    ['周一-周五', [1, 2, 3, 4, 5]],
    ['monday', [1]],
  ])('should read %j', (text, days) => {
    expect(parseWeekdays(text)).toEqual(days);
  });

  it.each(['', 'funday', 'mon-', 'mon-xyz'])('should refuse %j', (text) => {
    expect(parseWeekdays(text)).toBeNull();
  });
});
