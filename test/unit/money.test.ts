import { parseMoney } from '../../src/platform/money';

describe('parseMoney', () => {
  it.each([
    ['50k', 50000, null],
    ['50K', 50000, null],
    ['5万', 50000, 'CNY'],
    ['¥50,000', 50000, 'CNY'],
    ['￥5万', 50000, 'CNY'],
    ['$20k', 20000, 'USD'],
    ['1.5m', 1500000, null],
    ['100万元', 1000000, 'CNY'],
    ['30000 USD', 30000, 'USD'],
    ['EUR 1,200.50', 1200.5, 'EUR'],
    ['RMB 3k', 3000, 'CNY'],
    ['€99', 99, 'EUR'],
  ] as const)('should read %p as %p %p', (input, amount, currency) => {
    expect(parseMoney(input)).toEqual({ amount, currency });
  });

  it('should accept full-width digits', () => {
    expect(parseMoney('５万')).toEqual({ amount: 50000, currency: 'CNY' });
  });

  it.each(['abc', '5x', '', 'k', '$', '1.2.3', '1,2345', '-5', '50 apples'])('should return null for the junk %p', (input) => {
    expect(parseMoney(input)).toBeNull();
  });
});
