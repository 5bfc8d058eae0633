import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import { testDbUri, useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { resolveIdentity } from '../../src/modules/workspaces/members.service';
import { setNextFollowUp } from '../../src/modules/leads/leads.service';
import { createLead } from '../../src/modules/leads/lead-create.service';
import { parseLeadText } from '../../src/modules/leads/lead-input';
import { runFollowUps } from '../../src/modules/follow-ups/follow-up.jobs';
import { createLogger } from '../../src/platform/logger';
import type { Actor } from '../../src/modules/workspaces/actor';
import { outboxWhere } from '../helpers/app-data';

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
    expect([...html.matchAll(/data-job="([^"]+)"/g)].map((m) => m[1])).toEqual(['follow-ups', 'gone-quiet', 'ticket-sla', 'weekly-digest', 'duplicate-scan']);
  });

  it('should walk every lead for duplicates at once (the list is read with /crm duplicates)', async () => {
    const r = await sandboxPost<{ message: string }>(svc, 'jobs/duplicate-scan', { as: 'ana' });
    expect(r.status).toBe(200);
    expect(r.body.message).toBe('Duplicate scan (every lead, now): 0 message(s) queued, 0 sent.');
  });

  it("should send the weekly digest at once, into the members' and channels' panes", async () => {
    const r = await sandboxPost<{ message: string }>(svc, 'jobs/weekly-digest', { as: 'ana' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/^Weekly digest \(for the last seven days, now\): [1-9]\d* message\(s\) queued, [1-9]\d* sent\.$/);
    const feed = (await (await fetch(`${svc.url}/sandbox/api/feed`)).json()) as Feed;
    const digests = feed.panes.filter((p) => p.kind !== 'chat' && p.messages.some((m) => m.html.includes('Pipeline ·')));
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.flatMap((p) => p.messages).some((m) => m.html.includes('Open pipeline by stage'))).toBe(true);
  });

  it("should nudge the owner of the demo's overdue follow-up at once, in their direct messages", async () => {
    const r = await sandboxPost<{ message: string }>(svc, 'jobs/follow-ups', { as: 'ana' });
    expect(r.status).toBe(200);
    expect(r.body.message).toMatch(/1 message\(s\) queued, 1 sent\.$/);
    const feed = (await (await fetch(`${svc.url}/sandbox/api/feed`)).json()) as Feed;
    const nudges = feed.panes.filter((p) => p.messages.some((m) => m.html.includes('Follow-up due')));
    expect(nudges.map((p) => p.id)).toEqual(['dm:sam']);
    expect(nudges[0].messages.map((m) => m.html).join()).toContain('call back about the pricing questions');
  });

  it('should leave the other workspaces of the same database alone: Run now never reaches real Slack members', async () => {
    const defaults = { locale: 'en', timezone: 'Asia/Shanghai', phoneRegion: 'CN' };
    const { workspace, member } = await resolveIdentity('slack', 'TREAL', 'A real team', 'UREAL', 'real.rep', defaults);
    const actor: Actor = { workspace, member, platform: 'slack', locale: 'en', now: () => new Date() };
    const created = await createLead(actor, parseLeadText('Real Corp; Rita Real; rita@real.example', { region: 'CN', timeZone: 'Asia/Shanghai', now: new Date() }).input!);
    if (created.kind !== 'created') throw new Error('the lead was not created');
    // Set yesterday, due an hour ago.
    await setNextFollowUp({ ...actor, now: () => new Date(Date.now() - 86_400_000) }, created.lead, new Date(Date.now() - 3_600_000), 'call Rita back');
    const realRows = async () => (await outboxWhere((row) => row.workspaceId.equals(workspace._id))).length;

    expect((await sandboxPost(svc, 'jobs/follow-ups', { as: 'ana' })).status).toBe(200);
    expect(await realRows()).toBe(0);
    // The Slack lead was due all along: the scheduled run (every platform) nudges its owner.
    await runFollowUps({ config: { DEFAULT_LOCALE: 'en' }, logger: createLogger('silent'), kick: () => undefined }, new Date(), { anyHour: true });
    expect(await realRows()).toBe(1);
  });

  it('should refuse a job that does not exist', async () => {
    const r = await sandboxPost<{ error: string }>(svc, 'jobs/self-destruct', { as: 'ana' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('There is no scheduled job “self-destruct”.');
    const stranger = await sandboxPost<{ error: string }>(svc, 'jobs/weekly-digest', { as: 'mallory' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toBe('There is no demo member “mallory”.');
  });
});
