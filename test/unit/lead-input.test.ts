import { extractLeadHints, parseLeadText, splitLeadText, type LeadInput } from '../../src/modules/leads/lead-input';

// Monday 23 November 2026, 17:00 in Shanghai.
const OPTS = { region: 'CN', timeZone: 'Asia/Shanghai', now: new Date('2026-11-23T09:00:00Z') };
const EXAMPLE = 'Acme Ltd; Zhang Wei; +86 138-1234-5678; zhang@acme.cn; source: expo; value: 50k; next: friday call back';

function parseOk(text: string): LeadInput {
  const r = parseLeadText(text, OPTS);
  expect(r.issues).toEqual([]);
  expect(r.input).toBeDefined();
  return r.input!;
}

describe('parseLeadText', () => {
  it('should read the documented example field by field', () => {
    expect(parseOk(EXAMPLE)).toEqual({
      company: 'Acme Ltd',
      contactName: 'Zhang Wei',
      phones: [{ raw: '+86 138-1234-5678', e164: '+8613812345678', guessed: null }],
      emails: ['zhang@acme.cn'],
      source: 'expo',
      value: 50000,
      currency: null,
      tags: [],
      // Friday 27 November, 09:00 in Shanghai.
      next: { at: new Date('2026-11-27T01:00:00Z'), what: 'call back' },
      note: '',
    });
  });

  it('should read the same lead when the fields are shuffled and the contact comes first', () => {
    const shuffled = 'Zhang Wei; zhang@acme.cn; next: friday call back; Acme Ltd; value: 50k; +86 138-1234-5678; source: expo';
    expect(parseOk(shuffled)).toEqual(parseOk(EXAMPLE));
  });

  it('should take the segment with "Ltd" as the company even when it is not first', () => {
    const input = parseOk('Zhang Wei; Acme Ltd');
    expect(input.company).toBe('Acme Ltd');
    expect(input.contactName).toBe('Zhang Wei');
  });

  it('should read Chinese input with full-width punctuation and Chinese keys', () => {
    const input = parseOk('上海示例科技有限公司；张伟；电话：138 1234 5678；来源：展会；金额：5万；下次：下周一 回访');
    expect(input).toEqual({
      company: '上海示例科技有限公司',
      contactName: '张伟',
      phones: [{ raw: '138 1234 5678', e164: '+8613812345678', guessed: 'CN' }],
      emails: [],
      source: '展会',
      value: 50000,
      currency: 'CNY',
      tags: [],
      // Monday 30 November, 09:00 in Shanghai.
      next: { at: new Date('2026-11-30T01:00:00Z'), what: '回访' },
      note: '',
    });
  });

  it('should split on commas but keep "Acme Co., Ltd." and "¥50,000" whole', () => {
    const input = parseOk('Acme Co., Ltd., Zhang Wei, ¥50,000, 13812345678');
    expect(input.company).toBe('Acme Co., Ltd.');
    expect(input.contactName).toBe('Zhang Wei');
    expect(input.value).toBe(50000);
    expect(input.currency).toBe('CNY');
    expect(input.phones.map((p) => p.e164)).toEqual(['+8613812345678']);
    expect(input.note).toBe('');
  });

  it('should accept one field per line', () => {
    const input = parseOk('Acme Ltd\nZhang Wei\nzhang@acme.cn\n+86 138 1234 5678');
    expect(input.company).toBe('Acme Ltd');
    expect(input.contactName).toBe('Zhang Wei');
    expect(input.emails).toEqual(['zhang@acme.cn']);
    expect(input.phones.map((p) => p.e164)).toEqual(['+8613812345678']);
  });

  it('should find an email and a phone inside a free-text segment and keep the words as a note', () => {
    const input = parseOk('Acme Ltd; Zhang Wei; met at expo, email zhang@acme.cn or call 138 1234 5678');
    expect(input.emails).toEqual(['zhang@acme.cn']);
    expect(input.phones).toEqual([{ raw: '138 1234 5678', e164: '+8613812345678', guessed: 'CN' }]);
    expect(input.note).toBe('met at expo\nemail or call');
  });

  it('should turn unlabeled segments after company and contact into the note', () => {
    const input = parseOk('Acme Ltd; Zhang Wei; met at the expo; wants a demo');
    expect(input.note).toBe('met at the expo\nwants a demo');
  });

  it('should count the same phone typed twice in different formats once', () => {
    const input = parseOk('Acme Ltd; Zhang Wei; +86 138-1234-5678; 0086 138 1234 5678');
    expect(input.phones).toEqual([{ raw: '+86 138-1234-5678', e164: '+8613812345678', guessed: null }]);
  });

  it('should split on a full-width comma even where an ASCII one would be a thousands separator', () => {
    const input = parseOk('宁波海港贸易有限公司，陈刚，135-5555-6666');
    expect(input).toMatchObject({ company: '宁波海港贸易有限公司', contactName: '陈刚', note: '' });
    expect(input.phones).toEqual([{ raw: '135-5555-6666', e164: '+8613555556666', guessed: 'CN' }]);
  });

  it('should split on an ASCII comma before a phone and leave no comma on the name', () => {
    expect(parseOk('宁波海港贸易有限公司,陈刚,135-5555-6666').contactName).toBe('陈刚');
    expect(parseOk('Acme Ltd; Zhang Wei,; 13812345678').contactName).toBe('Zhang Wei');
  });

  it('should keep 转 814 with the phone, not with the name', () => {
    const input = parseOk('天津港务有限公司；梁晓明，022 4345 0728 转 814');
    expect(input.contactName).toBe('梁晓明');
    expect(input.phones).toEqual([{ raw: '022 4345 0728 转 814', e164: '+862243450728;ext=814', guessed: 'CN' }]);
  });

  it('should read dotted phones, with or without a country code', () => {
    expect(parseOk('Acme Ltd; Zhang Wei; 138.1234.5678').phones.map((p) => p.e164)).toEqual(['+8613812345678']);
    const input = parseOk('Acme Ltd; Zhang Wei; +1 415.867.5309');
    expect(input.phones).toEqual([{ raw: '+1 415.867.5309', e164: '+14158675309', guessed: null }]);
    expect(input.note).toBe('');
  });

  it('should read "company-with-legal-form name phone" typed with spaces', () => {
    expect(parseOk('宁波海港贸易有限公司 陈刚 13555556666')).toMatchObject({ company: '宁波海港贸易有限公司', contactName: '陈刚' });
    expect(parseOk('Acme Ltd Zhang Wei 13812345678')).toMatchObject({ company: 'Acme Ltd', contactName: 'Zhang Wei' });
  });

  it('should say to separate fields with ； when they were typed with spaces and cannot be told apart', () => {
    expect(parseLeadText('宁波海港 陈刚 13555556666', OPTS).issues).toEqual([
      { field: 'contact', key: 'lead.missing_contact_spaces', params: { example: '宁波海港；陈刚' } },
    ]);
    expect(parseLeadText('Northwind Traders Ada Park', OPTS).issues[0].params).toEqual({ example: 'Northwind; Traders; Ada; Park' });
  });

  it('should read an e-mail signature: labelled phones and address, no "T: | M:" note', () => {
    const input = parseOk('Jane Doe\nHead of Procurement | Hooli Inc\nT: +1 415 555 0177 | M: (415) 555 0188\nE: jane@hooli.com');
    expect(input).toMatchObject({ company: 'Hooli Inc', contactName: 'Jane Doe', emails: ['jane@hooli.com'], note: 'Head of Procurement' });
    expect(input.phones).toEqual([
      { raw: '+1 415 555 0177', e164: '+14155550177', guessed: null },
      { raw: '(415) 555 0188', e164: '+14155550188', guessed: 'US' },
    ]);
  });

  it('should drop a label left alone once its phone is taken', () => {
    expect(parseOk('Acme Ltd; Zhang Wei; Mobile/WeChat: 13812345678').note).toBe('');
  });

  describe('problems', () => {
    it.each([
      ['missing company', '', ['lead.missing_company', 'lead.missing_contact']],
      ['missing contact', 'Acme Ltd', ['lead.missing_contact']],
      ['invalid phone', 'Acme Ltd; Zhang Wei; phone: +86 123', ['error.phone_invalid']],
      ['phone-like digits that are no phone', 'Acme Ltd; Zhang Wei; 12345', ['error.phone_invalid']],
      ['invalid email (labelled)', 'Acme Ltd; Zhang Wei; email: zhang@', ['error.email_invalid']],
      ['invalid email (free text)', 'Acme Ltd; Zhang Wei; zhang@acme', ['error.email_invalid']],
      ['bad value', 'Acme Ltd; Zhang Wei; value: lots', ['error.value_invalid']],
      ['unparseable next date', 'Acme Ltd; Zhang Wei; next: whenever', ['error.date_invalid']],
      ['next follow-up in the past', 'Acme Ltd; Zhang Wei; next: 2020-01-01 call back', ['error.date_past']],
      ['next follow-up yesterday (Chinese)', '上海示例科技有限公司；张伟；下次：昨天 回访', ['error.date_past']],
      ['company over 200 characters', `${'A'.repeat(201)} Ltd; Zhang Wei`, ['error.field_too_long']],
      [
        'more than 5 phones',
        'Acme Ltd; Zhang Wei; 13812345671; 13812345672; 13812345673; 13812345674; 13812345675; 13812345676',
        ['error.too_many'],
      ],
    ])('should report %s and return no input', (_name, text, keys) => {
      const r = parseLeadText(text, OPTS);
      expect(r.issues.map((i) => i.key)).toEqual(keys);
      expect(r.input).toBeUndefined();
    });

    it('should name the field and carry the typed value for an invalid phone', () => {
      const r = parseLeadText('Acme Ltd; Zhang Wei; phone: +86 123', OPTS);
      expect(r.issues).toEqual([{ field: 'phone', key: 'error.phone_invalid', params: { value: '+86 123' } }]);
    });

    it('should report the limits for a long company and for too many phones', () => {
      expect(parseLeadText(`${'A'.repeat(201)} Ltd; Zhang Wei`, OPTS).issues).toEqual([
        { field: 'company', key: 'error.field_too_long', params: { field: 'company', max: 200 } },
      ]);
      const phones = Array.from({ length: 6 }, (_, i) => `1381234567${i}`).join(', ');
      expect(parseLeadText(`Acme Ltd; Zhang Wei; phone: ${phones}`, OPTS).issues).toEqual([
        { field: 'phone', key: 'error.too_many', params: { field: 'phone', max: 5 } },
      ]);
    });

    it('should accept exactly 5 phones', () => {
      const phones = Array.from({ length: 5 }, (_, i) => `1381234567${i}`).join('; ');
      expect(parseOk(`Acme Ltd; Zhang Wei; ${phones}`).phones).toHaveLength(5);
    });

    it('should accept a company of exactly 200 characters', () => {
      const company = `${'A'.repeat(196)} Ltd`;
      expect(company).toHaveLength(200);
      expect(parseOk(`${company}; Zhang Wei`).company).toBe(company);
    });
  });
});

describe('splitLeadText', () => {
  it('should put labelled values into their fields whatever the label language', () => {
    const raw = splitLeadText('公司: Acme Ltd; 联系人: Zhang Wei; tags: vip expo; note: likes tea');
    expect(raw.company).toBe('Acme Ltd');
    expect(raw.contact).toBe('Zhang Wei');
    expect(raw.tags).toEqual(['vip', 'expo']);
    expect(raw.notes).toEqual(['likes tea']);
  });
});

describe('extractLeadHints', () => {
  const CHATTY = 'Hi! This is Li Na from Globex Ltd, we met at the expo. Reach me at li.na@globex.com or +86 139 8765 4321. Thanks';

  it('should find the email, the phone and the contact name in a chatty message', () => {
    const hints = extractLeadHints(CHATTY);
    expect(hints.emails).toEqual(['li.na@globex.com']);
    expect(hints.phones).toEqual(['+86 139 8765 4321']);
    expect(hints.contact).toBe('Li Na');
    expect(hints.note).toBe(CHATTY);
  });

  it('should find just the company name "Globex Ltd", not the sentence around it', () => {
    expect(extractLeadHints(CHATTY).company).toBe('Globex Ltd');
  });

  it('should find a Chinese company and a name introduced with 我是', () => {
    const hints = extractLeadHints('你好，我是王芳，上海示例科技有限公司，电话 13912345678');
    expect(hints.company).toBe('上海示例科技有限公司');
    expect(hints.contact).toBe('王芳');
    expect(hints.phones).toEqual(['13912345678']);
  });

  it('should leave company and contact empty when the message has none', () => {
    const hints = extractLeadHints('see you tomorrow');
    expect(hints.company).toBe('');
    expect(hints.contact).toBe('');
    expect(hints.emails).toEqual([]);
    expect(hints.phones).toEqual([]);
  });
});
