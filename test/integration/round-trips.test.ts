import { recordCommands, useTestDb, type SentTraffic } from '../helpers/db';
import { buttons, clicked, slash, startService, visibleText, type TestService } from '../helpers/service';
import { auditOf, leadByCompany } from '../helpers/app-data';
import { onlyEqualitiesPushDown } from '../../src/platform/db/engine';
import { blockKeysOf, type MatchSubject } from '../../src/modules/matching';

// The request path's budget of database round trips, counted with the driver's command monitoring
// on real signed Slack requests, in steady state (identity and id blocks warmed by an earlier request).
// A round trip is one wait on the database: commands sent while an earlier one of the request is still
// in flight (started before it completed) share its round trip (see recordCommands). /lead add sends
// its duplicate check as one query per blocking key side by side on FerretDB, so its total number of
// commands is capped too: a regression to sequential sends or to extra queries fails either way.
useTestDb({ monitorCommands: true });
// Slack sends the same handle with a command and a click, and so do the test helpers (handleOf).
const me = { user: 'UADMIN' };
let svc: TestService;
beforeAll(async () => {
  // The outbox sender's poll is a background loop, not part of a request: keep it asleep.
  svc = await startService({ OUTBOX_POLL_MS: '60000' });
  await slash(svc, '/lead', 'add Warm Up Ltd; Wu Ming; +86 139 0000 0000; note: first', me);
});
afterAll(async () => svc.close());

const list = (trip: { name: string; collection: string }[]) => trip.map((c) => `${c.name} ${c.collection}`).join(' + ');

function expectWithin(sent: SentTraffic, budget: number, maxCommands = Infinity): void {
  // The message names every command, by round trip, so whoever breaks the budget sees what was sent.
  const trips = sent.roundTrips.map((t, i) => `${i + 1}. ${list(t)}`).join('\n  ');
  if (sent.roundTrips.length > budget) throw new Error(`${sent.roundTrips.length} round trips (budget ${budget}):\n  ${trips}`);
  if (sent.commands.length > maxCommands) throw new Error(`${sent.commands.length} commands (at most ${maxCommands}) in ${sent.roundTrips.length} round trips:\n  ${trips}`);
}

/** The duplicate check's candidate queries for a lead: one per blocking key on FerretDB, one `$in` for all on MongoDB. */
const keyQueries = (s: MatchSubject) => (onlyEqualitiesPushDown() ? blockKeysOf(s).length : 1);

describe('database round trips per request', () => {
  it('should add a lead with a note and a next step in at most 4 round trips', async () => {
    let text = '';
    const sent = await recordCommands(async () => {
      const res = await slash(svc, '/lead', 'add Budget Corp; Li Lei; +86 138 0000 1111; li@budget.cn; next: friday call back; note: met at the expo', me);
      text = visibleText(res.body);
    });
    expect(text).toMatch(/L-\d+ · Budget Corp/);
    // 4 waits; 4 commands, the candidate look-up counted as its key queries (a check, the reservation,
    // the numbered insert, the note).
    const queries = keyQueries({ company: 'Budget Corp', contactName: 'Li Lei', phones: ['+8613800001111'], emails: ['li@budget.cn'] });
    expectWithin(sent, 4, 4 - 1 + queries);
  });

  it('should answer the duplicate card for an add that repeats a lead', async () => {
    let text = '';
    const sent = await recordCommands(async () => {
      text = visibleText((await slash(svc, '/lead', 'add Budget Corp; Li Lei; li@budget.cn', me)).body);
    });
    expect(text).toContain('Possible duplicate of');
    expectWithin(sent, 6, 6 - 1 + keyQueries({ company: 'Budget Corp', contactName: 'Li Lei', phones: [], emails: ['li@budget.cn'] }));
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
