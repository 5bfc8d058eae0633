import { seedDemoWorkspace } from '../../src/domain/demo-seed.service';
import { testDbUri, useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';

const db = useTestDb();
let svc: SandboxService;

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ MONGODB_DB: db.dbName }, testDbUri());
});
afterAll(async () => svc.close());

interface Feed {
  panes: { id: string; kind: string; messages: { html: string }[] }[];
}

describe('the sandbox Run now controls', () => {
  it('should offer one Run now button per scheduled job', async () => {
    const html = await (await fetch(`${svc.url}/sandbox`)).text();
    expect([...html.matchAll(/data-job="([^"]+)"/g)].map((m) => m[1])).toEqual(['follow-ups', 'gone-quiet', 'ticket-sla', 'weekly-digest']);
  });

  it("should send the weekly digest at once, into the members' and channels' panes", async () => {
    const r = await sandboxPost<{ message: string }>(svc, 'jobs/weekly-digest', { as: 'u_admin' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/^Weekly digest \(for the last seven days, now\): [1-9]\d* message\(s\) queued, [1-9]\d* sent\.$/);
    const feed = (await (await fetch(`${svc.url}/sandbox/api/feed`)).json()) as Feed;
    const digests = feed.panes.filter((p) => p.kind !== 'chat' && p.messages.some((m) => m.html.includes('Pipeline ·')));
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.flatMap((p) => p.messages).some((m) => m.html.includes('Open pipeline by stage'))).toBe(true);
  });

  it("should nudge the owner of the demo's overdue follow-up at once, in their direct messages", async () => {
    const r = await sandboxPost<{ message: string }>(svc, 'jobs/follow-ups', { as: 'u_admin' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/1 message\(s\) queued, 1 sent\.$/);
    const feed = (await (await fetch(`${svc.url}/sandbox/api/feed`)).json()) as Feed;
    const nudges = feed.panes.filter((p) => p.messages.some((m) => m.html.includes('Follow-up due')));
    expect(nudges.map((p) => p.id)).toEqual(['dm:sam']);
    expect(nudges[0].messages.map((m) => m.html).join()).toContain('call back about the pricing questions');
  });

  it('should refuse a job that does not exist', async () => {
    const r = await sandboxPost<{ error: string }>(svc, 'jobs/self-destruct', { as: 'u_admin' });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('unknown job self-destruct');
  });
});
