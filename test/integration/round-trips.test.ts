import { recordCommands, useTestDb, type SentCommand } from '../helpers/db';
import { buttons, clicked, slash, startService, visibleText, type TestService } from '../helpers/service';
import { auditOf, leadByCompany } from '../helpers/app-data';

// The request path's budget of database round trips, counted with the driver's command monitoring
// on real signed Slack requests, in steady state (identity and id blocks warmed by an earlier request).
useTestDb({ monitorCommands: true });
// Slack sends the same handle with a command and a click (the click helper's is the user id in lower case).
const me = { user: 'UADMIN', userName: 'uadmin' };
let svc: TestService;
beforeAll(async () => {
  // The outbox sender's poll is a background loop, not part of a request: keep it asleep.
  svc = await startService({ OUTBOX_POLL_MS: '60000' });
  await slash(svc, '/lead', 'add Warm Up Ltd; Wu Ming; +86 139 0000 0000; note: first', me);
});
afterAll(async () => svc.close());

const list = (sent: SentCommand[]) => sent.map((c) => `${c.name} ${c.collection}`);

function expectWithin(sent: SentCommand[], budget: number): void {
  // The message names every command, so whoever breaks the budget sees what was sent.
  if (sent.length > budget) throw new Error(`${sent.length} round trips (budget ${budget}):\n  ${list(sent).join('\n  ')}`);
}

describe('database round trips per request', () => {
  it('should add a lead with a note and a next step in at most 4 round trips', async () => {
    let text = '';
    const sent = await recordCommands(async () => {
      const res = await slash(svc, '/lead', 'add Budget Corp; Li Lei; +86 138 0000 1111; li@budget.cn; next: friday call back; note: met at the expo', me);
      text = visibleText(res.body);
    });
    expect(text).toMatch(/L-\d+ · Budget Corp/);
    expectWithin(sent, 4);
  });

  it('should answer the duplicate card for an add that repeats a lead', async () => {
    let text = '';
    const sent = await recordCommands(async () => {
      text = visibleText((await slash(svc, '/lead', 'add Budget Corp; Li Lei; li@budget.cn', me)).body);
    });
    expect(text).toContain('Possible duplicate of');
    expectWithin(sent, 6);
  });

  it('should show a lead in at most 2 round trips', async () => {
    const id = visibleText((await slash(svc, '/lead', 'add Show Corp; Han Mei; han@show.cn', me)).body).match(/L-\d+/)![0];
    let text = '';
    const sent = await recordCommands(async () => {
      text = visibleText((await slash(svc, '/lead', `show ${id}`, me)).body);
    });
    expect(text).toContain(`${id} · Show Corp`);
    expectWithin(sent, 2);
  });

  it('should move a lead with a button click in at most 4 round trips', async () => {
    const card = (await slash(svc, '/lead', 'add Move Corp; Zhou Jie; zhou@move.cn', me)).body;
    const advance = buttons(card).find((b) => b.actionId.startsWith('lead_advance'))!;
    let text = '';
    const sent = await recordCommands(async () => {
      text = visibleText(await clicked(svc, advance));
    });
    expect(text).toContain('moved to Contacted');
    expectWithin(sent, 4);
  });

  it('should have written every audit event soon after the answers, with none left pending in /healthz', async () => {
    await slash(svc, '/lead', 'add Audit Corp; Wang Fang; wang@audit.cn', me);
    const lead = await leadByCompany('Audit Corp');
    expect((await auditOf(lead!)).map((a) => a.action)).toEqual(['lead.create']);
    const health = (await (await fetch(`${svc.url}/healthz`)).json()) as { auditPending: number };
    expect(health.auditPending).toBe(0);
  });
});
