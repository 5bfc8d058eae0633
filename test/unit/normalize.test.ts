import { foldCompany, formatPhone, normalizeEmail, normalizePhone, parsePhone } from '../../src/modules/leads/normalize';

describe('normalizePhone', () => {
  it.each([
    '+86 138-1234-5678',
    '0086 138 1234 5678',
    '13812345678',
    '１３８１２３４５６７８',
    '(+86) 138.1234.5678',
  ])('should turn %p into +8613812345678 with region CN', (input) => {
    expect(normalizePhone(input, 'CN')).toBe('+8613812345678');
  });

  it('should read a national US number with region US', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('415.555.2671', 'US')).toBe('+14155552671');
  });

  it('should keep an explicit country code whatever the default region is', () => {
    expect(normalizePhone('+1 415-555-2671', 'CN')).toBe('+14155552671');
    expect(normalizePhone('+86 138-1234-5678', 'US')).toBe('+8613812345678');
  });

  it('should not read a Chinese mobile number without a country code as a US number', () => {
    expect(normalizePhone('13812345678', 'US')).toBeNull();
  });

  it.each(['+86 123', '12', '', 'not a phone'])('should return null for the invalid number %p', (input) => {
    expect(normalizePhone(input, 'CN')).toBeNull();
  });
});

describe('parsePhone', () => {
  it.each([
    ['022 4345 0728 转 814', 'CN', { e164: '+862243450728;ext=814', guessed: 'CN' }],
    ['022-4345-0728 分机 814', 'CN', { e164: '+862243450728;ext=814', guessed: 'CN' }],
    ['+1 415.867.5309 ext. 801', 'CN', { e164: '+14158675309;ext=801', guessed: null }],
    ['+1 415 867 5309 x801', 'CN', { e164: '+14158675309;ext=801', guessed: null }],
    ['138.1234.5678', 'CN', { e164: '+8613812345678', guessed: 'CN' }],
    ['0086 138 1234 5678', 'US', { e164: '+8613812345678', guessed: null }],
  ])('should read %p (default region %s) as %p', (input, region, expected) => {
    expect(parsePhone(input, region)).toEqual(expected);
  });

  it.each(['(415) 555 0177', '(415) 555-0177', '415.555.0177', '1 (415) 555 0177'])(
    'should read the North American %p as a US number even when the default region is CN, and say it was a guess',
    (input) => {
      expect(parsePhone(input, 'CN')).toEqual({ e164: '+14155550177', guessed: 'US' });
    },
  );

  it('should keep a Chinese 400 number written 3-3-4 with dashes in the default region', () => {
    expect(parsePhone('400-820-8820', 'CN')).toEqual({ e164: '+864008208820', guessed: 'CN' });
  });

  it('should refuse a text too long to be a phone without parsing it', () => {
    expect(parsePhone('1'.repeat(61), 'CN')).toBeNull();
  });
});

describe('formatPhone', () => {
  it('should show a stored key the international way, with its extension', () => {
    expect(formatPhone('+862243450728;ext=814')).toBe('+86 22 4345 0728 ext. 814');
    expect(formatPhone('+14155550177')).toBe('+1 415 555 0177');
  });
});

describe('normalizeEmail', () => {
  it('should lower-case an address and trim spaces around it', () => {
    expect(normalizeEmail('  Zhang@Acme.CN ')).toBe('zhang@acme.cn');
  });

  it('should turn full-width characters into ASCII (NFKC)', () => {
    expect(normalizeEmail('ＺＨＡＮＧ＠ＡＣＭＥ．ＣＮ')).toBe('zhang@acme.cn');
  });

  it.each(['not-an-email', 'zhang@', '@acme.cn', 'zhang@acme', 'a b@acme.cn', ''])('should return null for the invalid address %p', (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe('foldCompany', () => {
  it.each(['Acme Co., Ltd.', 'ACME LTD', 'Acme Inc.', 'acme llc', 'Ａｃｍｅ', 'Acme Corporation', 'ACME Co.,Ltd'])(
    'should fold %p to "acme"',
    (input) => {
      expect(foldCompany(input)).toBe('acme');
    },
  );

  it('should fold the Chinese legal forms 有限公司, 股份有限公司 and 有限责任公司 to the same name', () => {
    const a = foldCompany('上海示例科技有限公司');
    expect(a).toBe('上海示例科技');
    expect(foldCompany('上海示例科技股份有限公司')).toBe(a);
    expect(foldCompany('上海示例科技有限责任公司')).toBe(a);
  });

  it('should keep different companies apart', () => {
    expect(foldCompany('Acme Ltd')).not.toBe(foldCompany('Globex Ltd'));
    expect(foldCompany('上海示例科技有限公司')).not.toBe(foldCompany('北京示例科技有限公司'));
  });

  it.each(['Ltd', 'Inc.', 'LLC', 'Limited', '有限公司', '公司', 'Co., Ltd.'])(
    'should not empty the company %p that is only a legal-suffix word',
    (input) => {
      expect(foldCompany(input)).not.toBe('');
    },
  );

  it('should fold a suffix-only name the same way whatever its case or width', () => {
    expect(foldCompany('LTD')).toBe(foldCompany('ltd'));
    expect(foldCompany('ＬＴＤ')).toBe(foldCompany('Ltd'));
  });
});
