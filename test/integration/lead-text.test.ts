import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type TestService } from '../helpers/service';
import { interactionsOf, leadByCompany, leadCount } from '../helpers/app-data';

// The shapes people really type or paste into `/lead add`, through signed slash commands: what is
// stored, and what the card says about a phone whose region had to be guessed.

useTestDb();
let svc: TestService;
const add = async (text: string, user = 'UREP1') => visibleText((await slash(svc, '/lead', `add ${text}`, { user, userName: user.toLowerCase() })).body);
const stored = (company: string) => leadByCompany(company);

beforeAll(async () => {
  svc = await startService();
  await slash(svc, '/crm', 'help', { user: 'UADMIN' });
  await slash(svc, '/crm', 'help', { user: 'UREP1', userName: 'urep1' });
  await slash(svc, '/crm', 'lang zh-CN', { user: 'UZH', userName: 'uzh' });
});
afterAll(async () => svc.close());

describe('reading /lead add text', () => {
  it('should split on a full-width comma and keep no stray comma in the contact name', async () => {
    const card = await add('宁波海港贸易有限公司，陈刚，135-5555-6666');
    expect(card).toContain('Created L-');
    expect(await stored('宁波海港贸易有限公司')).toMatchObject({ contactName: '陈刚', phones: ['135-5555-6666'], keys: { phones: ['+8613555556666'] } });
  });

  it('should keep an extension typed with 转 as part of the number, not of the name, and say the region was guessed', async () => {
    const card = await add('天津港务有限公司；梁晓明，022 4345 0728 转 814');
    expect(await stored('天津港务有限公司')).toMatchObject({ contactName: '梁晓明', phones: ['022 4345 0728 转 814'], keys: { phones: ['+862243450728;ext=814'] } });
    expect(card).toContain('梁晓明 · 022 4345 0728 转 814 (read as +86 22 4345 0728 ext. 814; region guessed)');
  });

  it('should read dotted phones, with a country code and an extension, as phones and not as a note', async () => {
    await add('Dotted Trading Ltd; Wang Lei; 138.1234.5678');
    const card = await add('Initech LLC; Bill Lumbergh; +1 415.867.5309 ext. 801');
    expect(await stored('Dotted Trading Ltd')).toMatchObject({ keys: { phones: ['+8613812345678'] } });
    expect(await stored('Initech LLC')).toMatchObject({ phones: ['+1 415.867.5309 ext. 801'], keys: { phones: ['+14158675309;ext=801'] } });
    expect([...(await interactionsOf((await stored('Dotted Trading Ltd'))!)), ...(await interactionsOf((await stored('Initech LLC'))!))]).toEqual([]);
    // The text said +1: nothing was guessed.
    expect(card).toContain('Bill Lumbergh · +1 415.867.5309 ext. 801\n');
  });

  it('should read a US-style (415) 555 0177 as a US number, not a Chinese one, and say the region was guessed', async () => {
    const card = await add('Hooli Inc; Gavin Belson; (415) 555 0177');
    expect(await stored('Hooli Inc')).toMatchObject({ keys: { phones: ['+14155550177'] }, phoneGuesses: ['+14155550177'] });
    expect(card).toContain('(415) 555 0177 (read as +1 415 555 0177; region guessed)');
  });

  it('should read fields typed with spaces after a company name, and otherwise say to separate them with ；', async () => {
    expect(await add('舟山海运有限公司 张强 13912340000', 'UZH')).toContain('已创建 L-');
    expect(await stored('舟山海运有限公司')).toMatchObject({ contactName: '张强', keys: { phones: ['+8613912340000'] } });
    const refused = await add('宁波海港 陈刚 135-5555-6667', 'UZH');
    expect(refused).toContain('缺少联系人姓名。各项之间请用“；”分隔，例如：宁波海港；陈刚');
    expect(await leadCount(/宁波海港 /)).toBe(0);
  });

  it('should read a pasted e-mail signature line by line: labelled phones, the address, the title as the note', async () => {
    const signature = ['Jane Doe', 'Head of Procurement | Hooli Asia Ltd', 'T: +1 415 555 0199 | M: +86 139 1111 2222', 'E: jane@hooli-asia.com.'].join('\n');
    expect(await add(signature)).toContain('Created L-');
    const lead = await stored('Hooli Asia Ltd');
    expect(lead).toMatchObject({ contactName: 'Jane Doe', emails: ['jane@hooli-asia.com'], keys: { phones: ['+14155550199', '+8613911112222'] }, phoneGuesses: [] });
    const notes = await interactionsOf(lead!);
    expect(notes.map((n) => n.text)).toEqual(['Head of Procurement']);
  });
});
