import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type TestService } from '../helpers/service';
import { clearLeads } from '../helpers/raw-db';

useTestDb();
// The service's clock: the test moves it past the follow-up.
let clock = new Date('2030-01-14T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
let svc: TestService;
beforeAll(async () => {
  svc = await startService({}, () => clock);
});
afterAll(async () => svc.close());
beforeEach(async () => {
  clock = new Date('2030-01-14T02:00:00Z');
  await clearLeads();
});

const show = async (user: string, id: string) => visibleText((await slash(svc, '/lead', `show ${id}`, { user })).body);

describe('the lead card’s next follow-up', () => {
  it('should say a follow-up is overdue once its time has passed, in English and in Chinese', async () => {
    const added = await slash(svc, '/lead', 'add Overdue Ltd; Li Lei; next: 2030-01-15 09:00 send the quote');
    const id = visibleText(added.body).match(/L-\d+/)![0];
    expect(visibleText(added.body)).not.toContain('overdue');

    clock = new Date('2030-01-16T02:00:00Z'); // a day after it was due
    const en = await show('UADMIN', id);
    expect(en).toMatch(/Next follow-up\*?:?\*?\s*.*\(overdue\) · send the quote/);

    await slash(svc, '/crm', 'lang zh-CN', { user: 'UADMIN' });
    const zh = await show('UADMIN', id);
    expect(zh).toContain('（已逾期） · send the quote');
    await slash(svc, '/crm', 'lang en', { user: 'UADMIN' });
  });

  it('should not call the follow-up of a won lead overdue', async () => {
    const added = await slash(svc, '/lead', 'add Closed Co; Han Mei; next: 2030-01-15 09:00 call');
    const id = visibleText(added.body).match(/L-\d+/)![0];
    await slash(svc, '/lead', `stage ${id} won`);
    clock = new Date('2030-01-16T02:00:00Z');
    expect(await show('UADMIN', id)).not.toContain('overdue');
  });
});
