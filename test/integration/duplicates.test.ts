import { useTestDb } from '../helpers/db';
import { buttons, slash, startService, visibleText, type TestService } from '../helpers/service';
import { leadCount, leads } from '../helpers/app-data';
import { clearLeads, dropBlockKeys, nestBlockKeys } from '../helpers/raw-db';
import { backfillBlockKeys } from '../../src/modules/leads';

// The duplicate engine through signed `/lead add` requests: each variant kind of a re-entry is caught,
// each kind of look-alike is kept apart, in English and in Chinese.

useTestDb();
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
  await slash(svc, '/crm', 'lang zh-CN', { user: 'UZH', userName: 'uzh' });
});
afterAll(async () => svc.close());
beforeEach(async () => clearLeads());

const SAME = 'Possible duplicate of';
const SAME_ZH = '可能与';
const POSSIBLE = 'This may be a customer you already have';
const POSSIBLE_ZH = '这可能是已有的客户';

async function addTwice(first: string, second: string, user = 'UADMIN') {
  const a = await slash(svc, '/lead', `add ${first}`, { user });
  expect(visibleText(a.body)).toMatch(/L-\d+/);
  const b = await slash(svc, '/lead', `add ${second}`, { user });
  return { text: visibleText(b.body), body: b.body, count: await leadCount() };
}

describe('re-entries of a customer answered as the same customer (nothing created)', () => {
  const cases: [string, string, string][] = [
    ['dotted mobile (zh)', '成都鑫达贸易有限公司；吴静；13560096753', '鑫达贸易；吴先生；135.6009.6753'],
    ['dotted US phone', 'Lumen Trading Ltd; Peter King; +1 415 867 5309', 'Lumen Trading; Mr. King; +1 415.867.5309'],
    ['phone with 0086 and dashes', '成都鑫达贸易有限公司；吴静；13560096753', '鑫达贸易；吴女士；0086-135-6009-6753'],
    ['full-width digits', '成都鑫达贸易有限公司；吴静；13560096753', '鑫达贸易；吴静；１３５６００９６７５３'],
    ['switchboard with the same extension', '示例科技；李娜；021-6234 5678 转 801', 'Shili Keji; Ms. Li; +86 21 6234 5678 ext. 801'],
    ['e-mail in capitals', 'Delta Foods Inc.; Mary Clark; mary.clark@deltafoods.com', 'Delta Foods; M. Clark; MARY.CLARK@DELTAFOODS.COM'],
    ['Co., Ltd. vs Company Limited and & vs and', 'Keystone & Harbor Trading Co., Ltd.; Oliver King', 'Keystone and Harbor Trading Company Limited; Oliver King'],
    ['Co.Ltd', 'Acme Ltd; Zhang Wei', 'ACME Co.Ltd; zhang wei'],
    ['GmbH vs Corp.', 'Quartz Robotics GmbH; Anna Hill', 'Quartz Robotics Corp.; Anna Hill'],
    ['city in brackets', '上海示例科技有限公司；张伟', '示例科技（上海）有限公司；张伟'],
    ['no city, no legal form', '上海示例科技有限公司；张伟', '示例科技；张伟'],
    ['市 and (集团)', '上海示例科技有限公司；张伟', '上海市示例科技(集团)有限公司；张伟'],
    ['English city in the name', 'Meridian Software Ltd; Laura Scott', 'Meridian Software (Shanghai) Co., Ltd.; Laura Scott'],
    ['title after a Chinese name', '上海示例科技有限公司；张伟', '上海示例科技有限公司；张伟经理'],
    ['Mr. and pinyin', '上海示例科技有限公司；张伟', '上海示例科技有限公司；Mr. Zhang Wei'],
    ['(CEO) and given name first', '上海示例科技有限公司；张伟', '上海示例科技有限公司；Wei Zhang (CEO)'],
    ['traditional characters', '上海示例科技有限公司；张伟', '上海示例科技有限公司；張偉'],
    ['surname first in capitals', 'Meridian Software Ltd; Laura Scott', 'Meridian Software Ltd; SCOTT Laura'],
    ['contact before company', '上海示例科技有限公司；张伟；13812345678', '张伟；电话：138 1234 5678；上海示例科技有限公司'],
  ];
  it.each(cases)('should catch %s', async (_kind, first, second) => {
    const { text, body, count } = await addTwice(first, second);
    expect(text).toMatch(new RegExp(`${SAME} L-\\d+`));
    expect(buttons(body).map((b) => b.label)).toEqual([expect.stringMatching(/^Open L-\d+$/), 'Create anyway']);
    expect(count).toBe(1);
  });

  it('should answer in Chinese for a Chinese reader', async () => {
    const { text, count } = await addTwice('上海示例科技有限公司；张伟', '示例科技（上海）；張偉先生', 'UZH');
    expect(text).toMatch(new RegExp(`${SAME_ZH} L-\\d+`));
    expect(count).toBe(1);
  });
});

describe('a possible duplicate', () => {
  it('should list the candidate with why it matched, offer Open and Create anyway, and create nothing', async () => {
    const { text, body, count } = await addTwice('上海示例科技有限公司；张伟；13812345678', '示例科技；张总');
    expect(text).toContain(`${POSSIBLE} (1 similar leads)`);
    expect(text).toMatch(/L-\d+ · 上海示例科技有限公司 · 张伟 · New · owner admin — same company, similar contact/);
    expect(buttons(body).map((b) => b.label)).toEqual([expect.stringMatching(/^Open L-\d+$/), 'Create anyway']);
    expect(count).toBe(1);
  });

  it('should say it in Chinese, with the reasons in Chinese', async () => {
    const { text, count } = await addTwice('上海示例科技有限公司；张伟', '示例科技；张总', 'UZH');
    expect(text).toContain(POSSIBLE_ZH);
    expect(text).toContain('公司相同、联系人相似');
    expect(count).toBe(1);
  });
});

describe('look-alikes that are other customers (created)', () => {
  const cases: [string, string, string][] = [
    ['the same switchboard with another extension (转)', '示例科技；李娜；021-6234 5678 转 801', '示例科技；王芳；021-6234 5678 转 802'],
    ['the same switchboard with another extension (ext.)', 'Harbor Media Ltd; Tom Green; +44 20 7946 0958 ext. 101', 'Harbor Media Ltd; Ann Young; +44 20 7946 0958 ext. 102'],
    ['another person at the same company', '上海示例科技有限公司；张伟', '上海示例科技有限公司；王芳'],
    ['a colleague with the same surname', '上海示例科技有限公司；张伟', '示例科技；张敏'],
    ['the same common name at a similarly named company', 'Acme Trading Ltd; John Smith', 'Acme Logistics Ltd; John Smith'],
    ['the same name at another city bank', '上海银行；王伟', '北京银行；王伟'],
    ['two people on the same free-mail domain', 'Granite Foods Ltd; Susan Wright; susan@gmail.com', 'Orion Textiles Ltd; Tom Baker; tom@gmail.com'],
    ['the same core in another city, another person', '上海示例科技有限公司；张伟', '北京示例科技有限公司；李强'],
  ];
  it.each(cases)('should keep apart %s', async (_kind, first, second) => {
    const { text, count } = await addTwice(first, second);
    expect(text).toMatch(/Created L-\d+/);
    expect(count).toBe(2);
  });

  it('should keep them apart for a Chinese reader too', async () => {
    const { text, count } = await addTwice('上海示例科技有限公司；张伟', '上海示例科技有限公司；张敏', 'UZH');
    expect(text).toContain('已创建 L-');
    expect(count).toBe(2);
  });
});

describe('leads stored before the engine', () => {
  it('should get their keys at start-up, once, and be found as duplicates afterwards', async () => {
    await slash(svc, '/lead', 'add 上海示例科技有限公司；张伟');
    await dropBlockKeys();
    expect(visibleText((await slash(svc, '/lead', 'add 示例科技；张伟经理')).body)).toMatch(/Created L-\d+/);
    await clearLeads();
    await slash(svc, '/lead', 'add 上海示例科技有限公司；张伟');
    await dropBlockKeys();
    expect(await backfillBlockKeys()).toBe(1);
    expect(await backfillBlockKeys()).toBe(0);
    expect((await leads())[0].blockKeys).toContain('c:示例科技');
    expect(visibleText((await slash(svc, '/lead', 'add 示例科技；张伟经理')).body)).toMatch(new RegExp(`${SAME} L-\\d+`));
    expect(await leadCount()).toBe(1);
  });

  it('should move keys an earlier version kept inside the lead\'s keys to the indexed field, once', async () => {
    await clearLeads();
    await slash(svc, '/lead', 'add 北京样例贸易有限公司；王芳');
    await nestBlockKeys();
    const old = (await leads())[0] as { keys: Record<string, unknown>; blockKeys?: string[] };
    expect(old.keys.block).toContain('c:样例贸易');
    expect(old.blockKeys).toBeUndefined();
    expect(await backfillBlockKeys()).toBe(1);
    expect(await backfillBlockKeys()).toBe(0);
    const moved = (await leads())[0] as { keys: Record<string, unknown>; blockKeys?: string[] };
    expect(moved.blockKeys).toContain('c:样例贸易');
    expect(moved.keys).not.toHaveProperty('block');
    expect(moved.keys).not.toHaveProperty('blockV');
    expect(visibleText((await slash(svc, '/lead', 'add 样例贸易；王芳经理')).body)).toMatch(new RegExp(`${SAME} L-\\d+`));
  });
});
