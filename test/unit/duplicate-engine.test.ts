import { Types } from 'mongoose';
import { blockKeysOf, companyCore, contactKey, duplicateEngine, type MatchSubject } from '../../src/modules/matching';

// The engine's pure parts: normalised keys from the rule tables, and the batch check's round trips.

describe('company core', () => {
  it.each([
    ['上海示例科技有限公司', '示例科技'],
    ['示例科技（上海）有限公司', '示例科技'],
    ['上海市示例科技(集团)有限公司', '示例科技'],
    ['广东省深圳市华星光电股份有限公司', '华星光电'],
    ['示例集團有限公司', '示例'],
    ['Acme Co., Limited', 'acme'],
    ['ACME Co.Ltd', 'acme'],
    ['Smith & Jones Corp.', 'smithjones'],
    ['Smith and Jones Company', 'smithjones'],
    ['Acme Trading (Shanghai) Co., Ltd.', 'acmetrading'],
    ['Nimbus GmbH', 'nimbus'],
  ])('should reduce %s to %s', (name, core) => {
    expect(companyCore(name)).toBe(core);
  });

  it('should keep a city when too little would be left without it (上海银行 is not 北京银行)', () => {
    expect(companyCore('上海银行')).toBe('上海银行');
    expect(companyCore('北京银行')).not.toBe(companyCore('上海银行'));
  });
});

describe('contact key', () => {
  it('should read hanzi, traditional, pinyin in either order and titles as one key', () => {
    const keys = ['张伟', '張偉', 'Zhang Wei', 'Wei Zhang', 'Mr. Zhang Wei', 'Zhang Wei (CEO)', '张伟经理'].map(contactKey);
    expect(new Set(keys)).toEqual(new Set(['wei zhang']));
    expect(contactKey('张敏')).not.toBe(contactKey('张伟'));
  });
});

describe('blocking keys', () => {
  it('should keep a phone extension and skip free-mail domains', () => {
    const keys = blockKeysOf({ company: 'Acme Ltd', contactName: 'Li Na', phones: ['+862162345678;ext=801'], emails: ['li@qq.com', 'na@acme.cn'] });
    expect(keys).toEqual(expect.arrayContaining(['p:+862162345678;ext=801', 'e:li@qq.com', 'd:acme.cn', 'c:acme', 'n:li na']));
    expect(keys).not.toContain('d:qq.com');
  });
});

describe('checkMany', () => {
  const ws = new Types.ObjectId();
  const rows: MatchSubject[] = Array.from({ length: 1200 }, (_, i) => ({ company: `Company ${i} Ltd`, contactName: `Person ${i}`, phones: [], emails: [`p${i}@c${i}.test`] }));
  rows.push({ company: '示例科技', contactName: '张伟', phones: [], emails: [] }, { company: '上海示例科技有限公司', contactName: '張偉', phones: [], emails: [] });
  const stored = [{ _id: 'a', company: 'Company 7 Co., Limited', contactName: 'Person 7', phones: [], emails: [] }];

  it('should make one query per chunk of rows and find duplicates within the batch', async () => {
    let queries = 0;
    const engine = duplicateEngine({
      candidatesFor: async (_ws, keys) => {
        queries++;
        return stored.filter((s) => blockKeysOf(s).some((k) => keys.includes(k)));
      },
      subjectOf: (s: (typeof stored)[number]) => s,
    });
    const out = await engine.checkMany(ws, rows);
    expect(queries).toBe(3);
    expect(out[7].verdict).toBe('same');
    expect(out[7].matches[0].candidate._id).toBe('a');
    expect(out[8].verdict).toBe('new');
    expect(out[1201].inBatch).toEqual([{ row: 1200, verdict: 'same', reasons: ['same_company', 'same_contact'] }]);
    expect(out[1200].inBatch).toEqual([]);
  });
});
