import { actionValue, parseActionValue } from '../../src/dispatcher/action-values';
import { ACTIONS } from '../../src/dispatcher/constants';

describe('button values', () => {
  it('should read back what a card wrote, as structured data', () => {
    const v = actionValue(ACTIONS.nudgeSnooze, { id: 'abc', days: 7, due: 1700000000000 });
    expect(JSON.parse(v)).toEqual({ id: 'abc', days: 7, due: 1700000000000 });
    expect(parseActionValue(ACTIONS.nudgeSnooze, v)).toEqual({ id: 'abc', days: 7, due: 1700000000000 });
    expect(parseActionValue(ACTIONS.leadAdvance, actionValue(ACTIONS.leadAdvance, { id: 'abc', from: 'demo:x' }))).toEqual({ id: 'abc', from: 'demo:x' });
  });

  it('should still read the "a:b:c" values of cards posted before values were JSON', () => {
    expect(parseActionValue(ACTIONS.nudgeSnooze, 'abc:1:1700000000000')).toEqual({ id: 'abc', days: 1, due: 1700000000000 });
    expect(parseActionValue(ACTIONS.leadWon, 'abc:new')).toEqual({ id: 'abc', from: 'new' });
    expect(parseActionValue(ACTIONS.leadReopen, 'abc')).toEqual({ id: 'abc', from: undefined });
    expect(parseActionValue(ACTIONS.leadHistory, 'abc:2')).toEqual({ id: 'abc', page: 2 });
    expect(parseActionValue(ACTIONS.ticketPage, 'mine:3')).toEqual({ filter: 'mine', page: 3 });
  });

  it('should fall back as before on an unknown page or filter, and treat any snooze but a week as a day', () => {
    expect(parseActionValue(ACTIONS.ticketPage, 'nonsense:x')).toEqual({ filter: 'open', page: 1 });
    expect(parseActionValue(ACTIONS.leadHistory, JSON.stringify({ id: 'abc', page: 0 }))).toEqual({ id: 'abc', page: 1 });
    expect(parseActionValue(ACTIONS.nudgeSnooze, JSON.stringify({ id: 'abc', days: 3, due: 1 })).days).toBe(1);
  });

  it('should refuse a value that is not what the action carries', () => {
    expect(() => parseActionValue(ACTIONS.nudgeSnooze, '{"id":"abc"}')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => parseActionValue(ACTIONS.leadAdvance, '{not json')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
