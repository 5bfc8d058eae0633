import { catalogueFor, isLocale, t, type MessageKey } from '../../src/platform/i18n';
import { registerAllMessages } from '../../src/messages';

registerAllMessages();
const enCat: Record<string, string> = catalogueFor('en');
const zhCat: Record<string, string> = catalogueFor('zh-CN');

function placeholders(s: string): string[] {
  return [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

describe('message catalogues', () => {
  it('should have exactly the same keys in en and zh-CN', () => {
    expect(Object.keys(zhCat).sort()).toEqual(Object.keys(enCat).sort());
  });

  // One Chinese word per concept: a rep who reads 丢单 on a card must not read 输单 in a nudge.
  it.each([
    ['丢单', '输单'],
    ['沉默', '沉睡'],
    ['沉默', '久未跟进'],
    ['主管', '经理'],
  ])('should say %s, never %s, in every zh-CN message', (_word, avoided) => {
    expect(Object.entries(zhCat).filter(([, v]) => v.includes(avoided))).toEqual([]);
  });

  it('should have no empty messages', () => {
    for (const cat of [enCat, zhCat]) {
      expect(Object.entries(cat).filter(([, v]) => !v.trim())).toEqual([]);
    }
  });

  it('should use the same set of {placeholders} in every zh-CN message as in en', () => {
    const mismatches = Object.keys(enCat)
      .map((k) => ({ key: k, en: placeholders(enCat[k]), zh: placeholders(zhCat[k] ?? '') }))
      .filter((m) => m.en.join(',') !== m.zh.join(','));
    expect(mismatches).toEqual([]);
  });

  it('should actually translate: at least 90% of zh-CN messages contain Chinese characters', () => {
    const keys = Object.keys(zhCat);
    const translated = keys.filter((k) => CJK.test(zhCat[k]));
    expect(translated.length / keys.length).toBeGreaterThanOrEqual(0.9);
  });

  it('should not leave zh-CN messages identical to the English text (except very short ones)', () => {
    const copies = Object.keys(enCat).filter((k) => enCat[k].length > 12 && zhCat[k] === enCat[k]);
    expect(copies.length / Object.keys(enCat).length).toBeLessThanOrEqual(0.1);
  });

  it('should hand out the catalogue for each locale', () => {
    expect(catalogueFor('en')['lead.created']).toBe('Created {id}, owned by {owner}.');
    expect(catalogueFor('zh-CN')['lead.created']).toContain('{owner}');
  });
});

describe('t', () => {
  it('should fill named placeholders with strings and numbers', () => {
    expect(t('en', 'lead.created', { id: 'L-12', owner: 'alice' })).toBe('Created L-12, owned by alice.');
    expect(t('en', 'error.field_too_long', { field: 'unknownfield', max: 200 })).toBe('unknownfield is too long (at most 200 characters).');
  });

  it('should show an internal field name as its label in the reader\'s language', () => {
    expect(t('en', 'error.field_too_long', { field: 'company', max: 200 })).toBe('Company is too long (at most 200 characters).');
    expect(t('zh-CN', 'error.field_too_long', { field: 'company', max: 200 })).toBe('公司 太长（最多 200 个字符）。');
  });

  it('should fill placeholders in the Chinese catalogue', () => {
    const s = t('zh-CN', 'lead.created', { id: 'L-12', owner: '王芳' });
    expect(s).toContain('L-12');
    expect(s).toContain('王芳');
    expect(s).not.toMatch(/\{\w+\}/);
    expect(CJK.test(s)).toBe(true);
  });

  it('should leave a placeholder visible when its parameter is missing', () => {
    expect(t('en', 'lead.created', { id: 'L-12' })).toBe('Created L-12, owned by {owner}.');
  });

  it('should ignore parameters the message does not use', () => {
    expect(t('en', 'list.empty', { id: 'L-12' })).toBe('No leads.');
  });

  it('should fill every occurrence of a repeated placeholder', () => {
    const s = t('en', 'lead.lost_needs_reason', { id: 'L-7' });
    expect(s).toBe('Say why L-7 was lost: `/lead lost L-7 <reason>`.');
  });

  it('should not treat a parameter value as a placeholder', () => {
    expect(t('en', 'lead.created', { id: '{owner}', owner: 'bob' })).toBe('Created {owner}, owned by bob.');
  });

  it('should fall back to English for a key a catalogue lacks', () => {
    const key = 'lead.created' as MessageKey;
    const zh = catalogueFor('zh-CN') as Record<string, string>;
    const saved = zh[key];
    try {
      delete zh[key];
      expect(t('zh-CN', key, { id: 'L-1', owner: 'x' })).toBe('Created L-1, owned by x.');
    } finally {
      zh[key] = saved;
    }
  });
});

describe('isLocale', () => {
  it('should accept only the supported locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale('fr')).toBe(false);
  });
});
