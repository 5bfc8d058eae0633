import { useTestDb } from '../helpers/db';
import { buttons, click, slash, startService, visibleText, type TestService } from '../helpers/service';
import { auditOf, firstOf, leadByCompany, leadCount, leads, workspaceOf } from '../helpers/app-data';
import { clearLeads, orphanKeyReservation } from '../helpers/raw-db';

useTestDb();
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => svc.close());
beforeEach(async () => {
  await clearLeads();
});

const EXAMPLE = 'Acme Ltd; Zhang Wei; +86 138-1234-5678; zhang@acme.cn; source: expo; value: 50k; next: friday call back';

describe('/lead add over signed Slack HTTP', () => {
  it('should create a lead and answer with its card', async () => {
    const res = await slash(svc, '/lead', `add ${EXAMPLE}`);
    expect(res.status).toBe(200);
    const text = visibleText(res.body);
    expect(text).toMatch(/L-\d+ · Acme Ltd/);
    expect(text).toContain('Zhang Wei · +86 138-1234-5678 · zhang@acme.cn');
    expect(text).toContain('CN¥50,000');
    expect(text).toContain('call back');
    const all = await leads();
    expect(all).toHaveLength(1);
    expect(all[0].keys!.phones).toEqual(['+8613812345678']);
    expect(all[0].keys!.company).toBe('acme');
    expect(all[0].source).toBe('expo');
    expect(all[0].value).toBe(50000);
    expect(all[0].nextFollowUpAt).toBeInstanceOf(Date);
    const audit = await auditOf(all[0]);
    expect(audit.map((a) => a.action)).toEqual(['lead.create']);
    expect(audit[0].platform).toBe('slack');
  });

  it('should find the lead with /lead show and answer a second identical add with the duplicate card', async () => {
    const first = await slash(svc, '/lead', `add ${EXAMPLE}`);
    const id = visibleText(first.body).match(/L-\d+/)![0];
    const shown = await slash(svc, '/lead', `show ${id}`);
    expect(visibleText(shown.body)).toContain(`${id} · Acme Ltd`);

    const again = await slash(svc, '/lead', 'add ACME Co., Ltd.; zhang wei; 0086 138 1234 5678');
    expect(visibleText(again.body)).toContain(`Possible duplicate of ${id} (owner admin)`);
    expect(buttons(again.body).map((b) => b.label)).toEqual([`Open ${id}`, 'Create anyway']);
    expect(await leadCount()).toBe(1);
  });

  it('should create the lead once when "Create anyway" is clicked five times at once', async () => {
    await slash(svc, '/lead', `add ${EXAMPLE}`);
    const dup = await slash(svc, '/lead', 'add Other Corp; Li Na; zhang@acme.cn');
    const anyway = buttons(dup.body).find((b) => b.label === 'Create anyway')!;
    const clicks = await Promise.all(Array.from({ length: 5 }, () => click(svc, anyway)));
    const answers = () => clicks.flatMap((c) => svc.slack.responses(c.responseId));
    await svc.slack.waitFor(() => answers().length === 5, 15000);
    const texts = answers().map((r) => visibleText(r.body as never));
    expect(texts.filter((t) => t.includes('Created L-'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('already created'))).toHaveLength(4);
    expect(await leadCount()).toBe(2);
  });

  it('should create exactly one lead from twenty concurrent identical requests', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => slash(svc, '/lead', `add ${EXAMPLE}`)));
    const texts = await Promise.all(
      results.map(async (r) => {
        if (r.body) return visibleText(r.body);
        await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
        return visibleText(svc.slack.responses(r.responseId)[0].body as never);
      }),
    );
    expect(await leadCount()).toBe(1);
    expect(texts.filter((t) => /Created L-\d+/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Possible duplicate of'))).toHaveLength(19);
  });

  it('should create one lead when two requests name the same emails in opposite order at once', async () => {
    const [a, b] = await Promise.all([
      slash(svc, '/lead', 'add Pair Ltd; Pat Pair; a@pair.test; b@pair.test'),
      slash(svc, '/lead', 'add Pair Ltd; Pat Pair; b@pair.test; a@pair.test'),
    ]);
    const texts = [visibleText(a.body), visibleText(b.body)];
    expect(texts.filter((t) => /Created L-\d+/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Possible duplicate of'))).toHaveLength(1);
    expect(await leadCount()).toBe(1);
  });

  it('should reclaim a reservation left behind by a crash instead of blocking the customer for good', async () => {
    const ws = (await slash(svc, '/lead', 'help')) && (await workspaceOf('slack', 'T1'));
    await orphanKeyReservation(ws!._id, 'email:ghost@crash.test', 60_000);
    const res = await slash(svc, '/lead', 'add Crash Ltd; Carl Crash; ghost@crash.test');
    const text = res.body ? visibleText(res.body) : await svc.slack.waitFor(() => svc.slack.responses(res.responseId).length > 0).then(() => visibleText(svc.slack.responses(res.responseId)[0].body as never));
    expect(text).toMatch(/Created L-\d+/);
    expect(await leadCount('Crash Ltd')).toBe(1);
  });

  it('should read an amount with a unit without "value:"', async () => {
    await slash(svc, '/lead', 'add Unit Ltd; Una Unit; 5万');
    expect(await leadByCompany('Unit Ltd')).toMatchObject({ value: 50000, currency: 'CNY' });
  });

  it('should give twenty leads added at the same moment twenty different ids', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => slash(svc, '/lead', `add Burst ${i} Ltd; Person ${i}; p${i}@burst.test`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const burst = (await leads()).filter((l) => /^Burst /.test(l.company));
    expect(burst).toHaveLength(20);
    expect(new Set(burst.map((l) => l.seq)).size).toBe(20);
  });

  it('should say exactly what is missing, show an example and store nothing', async () => {
    const res = await slash(svc, '/lead', 'add Acme Ltd; +86 138-1234-5678');
    const text = visibleText(res.body);
    expect(text).toContain('The contact name is missing.');
    expect(text).toContain('Example: /lead add Acme Ltd; Zhang Wei');
    expect(await leadCount()).toBe(0);
  });

  it('should name a malformed phone and a malformed email and store nothing', async () => {
    const res = await slash(svc, '/lead', 'add Acme Ltd; Zhang Wei; +86 123; zhang@@acme');
    const text = visibleText(res.body);
    expect(text).toContain('“+86 123” is not a valid phone number.');
    expect(text).toContain('is not a valid email address');
    expect(await leadCount()).toBe(0);
  });

  it('should refuse text over 3,000 characters and store nothing', async () => {
    const res = await slash(svc, '/lead', `add Acme Ltd; Zhang Wei; note: ${'x'.repeat(3000)}`);
    expect(visibleText(res.body)).toContain('too long (at most 3000 characters)');
    expect(await leadCount()).toBe(0);
  });

  it('should read Chinese keys and full-width punctuation', async () => {
    const res = await slash(svc, '/lead', 'add 上海示例科技有限公司；张伟；１３８１２３４５６７８；来源：展会；金额：5万；下次：下周一 回访');
    const lead = await firstOf(leads());
    expect(visibleText(res.body)).toContain('上海示例科技有限公司');
    expect(lead).toMatchObject({ company: '上海示例科技有限公司', contactName: '张伟', source: '展会', value: 50000, currency: 'CNY', nextFollowUpWhat: '回访' });
    expect(lead!.keys!.phones).toEqual(['+8613812345678']);
  });
});

describe('Slack request signing', () => {
  it('should answer 401 to a wrongly signed request and store nothing', async () => {
    const res = await slash(svc, '/lead', `add ${EXAMPLE}`, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(await leadCount()).toBe(0);
  });

  it('should answer 401 to a request signed more than five minutes ago and store nothing', async () => {
    const res = await slash(svc, '/lead', `add ${EXAMPLE}`, { ts: Math.floor(Date.now() / 1000) - 301 });
    expect(res.status).toBe(401);
    expect(await leadCount()).toBe(0);
  });
});
