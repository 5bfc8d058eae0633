import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type TestService } from '../helpers/service';
import { leads } from '../helpers/app-data';

useTestDb();
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
  // The workspace and its first member exist (steady state, as in the round-trip budget test).
  await slash(svc, '/lead', 'help');
});
afterAll(async () => svc.close());

describe('/lead add under load', () => {
  it('should create 50 distinct leads sent at once, each with its own L- number, all answered in the HTTP response', async () => {
    const sent = await Promise.all(
      Array.from({ length: 50 }, (_, i) => slash(svc, '/lead', `add Load ${i} Ltd; Person ${i}; +86 138 0000 ${String(1000 + i)}; p${i}@load${i}.cn`)),
    );
    const texts = sent.map((r) => visibleText(r.body));
    const failed = texts.map((t, i) => ({ i, status: sent[i].status, t })).filter((r) => r.status !== 200 || !/Created L-\d+/.test(r.t));
    expect(failed).toEqual([]);
    const ids = texts.map((t) => t.match(/L-\d+/)![0]);
    expect(new Set(ids).size).toBe(50);
    // Nobody was answered late through response_url.
    expect(sent.filter((r) => svc.slack.responses(r.responseId).length > 0)).toEqual([]);
    const stored = await leads();
    expect(stored).toHaveLength(50);
    expect(texts.filter((t) => !t)).toHaveLength(0);
    expect(new Set(stored.map((l) => l.seq)).size).toBe(50);
  }, 60_000);
});
