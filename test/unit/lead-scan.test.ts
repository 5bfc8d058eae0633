import { extractLeadHints, parseLeadText } from '../../src/modules/leads/lead-input';
import { companyInText, takeEmails, takePhones } from '../../src/modules/leads/lead-scan';
import { unescapeSlackText } from '../../src/channels/slack/to-bot-request';

// Reading a message must take time in proportion to its length. Each case is timed at 10,000 and
// at 40,000 characters: linear work grows about 4 times, quadratic work 16 times. The check allows 8
// (plus a few milliseconds of noise), so it does not depend on how fast this machine is today.

const OPTS = { region: 'CN', timeZone: 'Asia/Shanghai', now: new Date('2026-11-23T09:00:00Z') };

/** The fastest of a few runs, in milliseconds (the fastest is the least disturbed by other work). */
function fastest(work: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const ADVERSARIAL: [string, (n: number) => string][] = [
  ['a long run of digits', (n) => '1'.repeat(n)],
  ['digits and separators', (n) => '1-'.repeat(n / 2)],
  ['one digit, then a long run of dashes', (n) => `1${'-'.repeat(n - 2)}x`],
  ['a long run of commas', (n) => ','.repeat(n)],
  ['a long run of semicolons and spaces', (n) => '; '.repeat(n / 2)],
  ['capitalised words', (n) => 'Ab '.repeat(n / 3)],
  ['capitalised words with a legal suffix at the end', (n) => `${'Ab. '.repeat(n / 4 - 1)}Ltd`],
  ['Chinese text without a legal form', (n) => '上'.repeat(n)],
  ['我是 again and again', (n) => '我是'.repeat(n / 2)],
  ['@ signs', (n) => 'a@'.repeat(n / 2)],
  ['words without spaces around @', (n) => `${'x'.repeat(n - 1)}@`],
  ['opening parentheses and digits', (n) => '1('.repeat(n / 2)],
  ['colons', (n) => 'a:'.repeat(n / 2)],
  ['stray punctuation around a name', (n) => `${'-'.repeat(n / 2)}Zhang Wei${'-'.repeat(n / 2)}`],
];

function expectLinear(work: (text: string) => unknown, make: (n: number) => string): void {
  const small = make(10_000);
  const large = make(40_000);
  work(small); // warm up the compiled code first
  const t10 = fastest(() => work(small));
  const t40 = fastest(() => work(large));
  expect(t40).toBeLessThan(8 * t10 + 5);
}

describe('reading long text in linear time', () => {
  it.each(ADVERSARIAL)('should pre-fill "Save as lead" from %s in linear time', (_name, make) => {
    expectLinear(extractLeadHints, make);
  });

  it.each(ADVERSARIAL)('should read `/lead add` text made of %s in linear time', (_name, make) => {
    expectLinear((t) => parseLeadText(t, OPTS), make);
  });

  it.each([
    ['unclosed <mailto:', (n: number) => '<mailto:'.repeat(n / 8)],
    ['unclosed <tel: with a label', (n: number) => '<tel:1|'.repeat(n / 7)],
    ['unclosed links', (n: number) => '<http://a|'.repeat(n / 10)],
  ])('should unescape a Slack message full of %s in linear time', (_name, make) => {
    expectLinear(unescapeSlackText, make);
  });

  it('should read 40,000 characters of every kind at once within the event-loop budget', () => {
    const text = ADVERSARIAL.map(([, make]) => make(2_800)).join(' ');
    expect(text.length).toBeGreaterThan(39_000);
    extractLeadHints(text);
    // A generous bound for a slow, shared machine; the quadratic patterns took 4–10 s here.
    expect(fastest(() => extractLeadHints(text))).toBeLessThan(100);
  });
});

describe('the finders', () => {
  it('should take each phone with its extension and leave the rest of the text', () => {
    expect(takePhones('call 022 4345 0728 转 814 or +1 415.867.5309 ext. 801, thanks')).toEqual({
      found: ['022 4345 0728 转 814', '+1 415.867.5309 ext. 801'],
      rest: 'call   or  , thanks',
    });
  });

  it('should not take an amount or digits inside a word as a phone', () => {
    expect(takePhones('¥50,000.00 for A12345678').found).toEqual([]);
  });

  it('should not take a run of more than 20 digits as a phone', () => {
    expect(takePhones('1'.repeat(40)).found).toEqual([]);
  });

  it('should take an address after a label and without the full stop that ends a sentence', () => {
    expect(takeEmails('E:jane@hooli.com. Bye').found).toEqual(['jane@hooli.com']);
  });

  it('should find the company nearest the start, English or Chinese', () => {
    expect(companyInText('我是王芳，上海示例科技有限公司，和 Globex Ltd 合作')).toBe('上海示例科技有限公司');
    expect(companyInText('Met Acme Co., Ltd. and 上海示例科技有限公司', new Set(['Met']))).toBe('Acme Co., Ltd.');
  });
});
