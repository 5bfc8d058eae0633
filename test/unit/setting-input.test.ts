import { readDuration, readHoursRange, readPriority, readTime, splitDurations } from '../../src/modules/workspaces/setting-input';
import { parseWeekdays } from '../../src/modules/workspaces/workspace.service';

describe('setting values as people type them', () => {
  it.each([
    ['9-6', { start: '09:00', end: '18:00' }],
    ['9-18', { start: '09:00', end: '18:00' }],
    ['9am-6pm', { start: '09:00', end: '18:00' }],
    ['8:30am-5:30pm', { start: '08:30', end: '17:30' }],
    ['09:00-18:00', { start: '09:00', end: '18:00' }],
    ['9点-18点', { start: '09:00', end: '18:00' }],
    ['上午9点-下午6点半', { start: '09:00', end: '18:30' }],
  ])('should read working hours %s', (text, hours) => {
    expect(readHoursRange(text)).toEqual(hours);
  });

  it.each(['18:00-09:00', '9-', 'nine-five', '9-6-3', '13pm-5pm'])('should refuse working hours %s', (text) => {
    expect(readHoursRange(text)).toBeNull();
  });

  it.each([
    ['9am', '09:00'],
    ['at 4pm', '16:00'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['下午4点', '16:00'],
    ['09:30', '09:30'],
  ])('should read the time %s', (text, time) => {
    expect(readTime(text)).toBe(time);
  });

  it.each([
    ['30m', 30],
    ['4h', 240],
    ['1h30m', 90],
    ['1.5h', 90],
    ['4hours', 240],
    ['1小时', 60],
    ['30分钟', 30],
    ['2天', 2880],
  ])('should read the duration %s', (text, minutes) => {
    expect(readDuration(text)).toBe(minutes);
  });

  it('should split two durations however they are spaced, and read priorities in either language', () => {
    expect(splitDurations('4 hours 2 days')).toEqual(['4hours', '2days']);
    expect(splitDurations('1小时 8小时')).toEqual(['1小时', '8小时']);
    expect(splitDurations('30m/4h')).toEqual(['30m', '4h']);
    expect(readDuration('4 parsecs')).toBeNull();
    expect([readPriority('高'), readPriority('Normal'), readPriority('低'), readPriority('urgent')]).toEqual(['high', 'normal', 'low', null]);
  });

  it('should read weekdays written in full, as 星期, or as a range with 至', () => {
    expect(parseWeekdays('monday')).toEqual([1]);
    expect(parseWeekdays('mon to sat')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWeekdays('周一至周五')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('星期天')).toEqual([0]);
  });
});
