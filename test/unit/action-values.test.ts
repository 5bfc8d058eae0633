import { LEAD_VALUES } from '../../src/modules/leads';
import { NUDGE_VALUES } from '../../src/modules/follow-ups';
import { TICKET_VALUES } from '../../src/modules/tickets';

describe('button values', () => {
  it('should read back what a card wrote, as structured data', () => {
    const v = NUDGE_VALUES.nudgeSnooze.write({ id: 'abc', days: 7, due: 1700000000000 });
    expect(JSON.parse(v)).toEqual({ id: 'abc', days: 7, due: 1700000000000 });
    expect(NUDGE_VALUES.nudgeSnooze.read(v)).toEqual({ id: 'abc', days: 7, due: 1700000000000 });
    expect(LEAD_VALUES.leadAdvance.read(LEAD_VALUES.leadAdvance.write({ id: 'abc', from: 'demo:x' }))).toEqual({ id: 'abc', from: 'demo:x' });
  });

  it('should still read the "a:b:c" values of cards posted before values were JSON', () => {
    expect(NUDGE_VALUES.nudgeSnooze.read('abc:1:1700000000000')).toEqual({ id: 'abc', days: 1, due: 1700000000000 });
    expect(LEAD_VALUES.leadWon.read('abc:new')).toEqual({ id: 'abc', from: 'new' });
    expect(LEAD_VALUES.leadReopen.read('abc')).toEqual({ id: 'abc', from: undefined });
    expect(LEAD_VALUES.leadHistory.read('abc:2')).toEqual({ id: 'abc', page: 2 });
    expect(TICKET_VALUES.ticketPage.read('mine:3')).toEqual({ filter: 'mine', page: 3 });
  });

  it('should fall back as before on an unknown page or filter, and treat any snooze but a week as a day', () => {
    expect(TICKET_VALUES.ticketPage.read('nonsense:x')).toEqual({ filter: 'open', page: 1 });
    expect(LEAD_VALUES.leadHistory.read(JSON.stringify({ id: 'abc', page: 0 }))).toEqual({ id: 'abc', page: 1 });
    expect(NUDGE_VALUES.nudgeSnooze.read(JSON.stringify({ id: 'abc', days: 3, due: 1 })).days).toBe(1);
  });

  it('should refuse a value that is not what the action carries', () => {
    expect(() => NUDGE_VALUES.nudgeSnooze.read('{"id":"abc"}')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => LEAD_VALUES.leadAdvance.read('{not json')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
