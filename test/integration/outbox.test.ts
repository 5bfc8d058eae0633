import { workspacesRepo } from '../../src/modules/workspaces/workspaces.repo';
import { membersRepo } from '../../src/modules/workspaces/members.repo';
import { outboxRepo } from '../../src/platform/outbox/outbox.repo';
import { createLogger, requestContext } from '../../src/platform/logger';
import { SlackSender } from '../../src/channels/slack/slack-sender';
import { WecomSender } from '../../src/channels/wecom/wecom-sender';
import { WecomClient } from '../../src/channels/wecom/wecom-client';
import { OutboxSender } from '../../src/platform/outbox/outbox-sender';
import { queue } from '../../src/modules/workspaces/job-deps';
import { createJobs, createOutboxSender } from '../../src/dispatcher/agenda';
import { localClock } from '../../src/platform/schedule';
import { testDbUri, useTestDb } from '../helpers/db';
import { BOT_TOKEN, FakeSlack } from '../helpers/slack';
import { FakeWecom, WECOM_AGENT_ID, WECOM_CORP_ID, WECOM_SECRET } from '../helpers/wecom-api';
import { outboxWhere } from '../helpers/app-data';
import { clearCollections } from '../helpers/raw-db';

const db = useTestDb();
const logger = createLogger('silent');
const card = (text: string) => [{ title: text, text: `about ${text}` }];
let slack: FakeSlack;
let ws: Awaited<ReturnType<typeof workspacesRepo.ensure>>;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  ws = await workspacesRepo.ensure('slack', 'T1', 'Acme', { locale: 'en', timezone: 'UTC', phoneRegion: 'CN' });
});
afterAll(async () => slack.stop());
beforeEach(async () => {
  slack.reset();
  slack.fault = () => 'ok';
  await clearCollections('outbox');
});

const sender = (o: Partial<ConstructorParameters<typeof OutboxSender>[2]> = {}) =>
  new OutboxSender({ slack: new SlackSender({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl }) }, logger, { pollMs: 50, leaseMs: 5000, retryBaseMs: 20, maxAttempts: 8, ...o });

async function until(done: () => Promise<boolean>, work: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await work();
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allSent = async () => (await outboxWhere((row) => row.status !== 'sent')).length === 0;

describe('the outbox', () => {
  it('should queue a key once however many times it is enqueued', async () => {
    const m = { key: 'k1', to: 'U1', kind: 'dm' as const, cards: card('one'), locale: 'en' as const };
    const results = await Promise.all(Array.from({ length: 10 }, () => queue(ws, m, new Date())));
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await outboxWhere((row) => row.key === 'k1')).toHaveLength(1);
  });

  it('should deliver every message exactly once when a third of the calls answer 429 or a 500 after posting', async () => {
    // 429 means not posted (wait Retry-After); a 500 here means posted anyway, so a blind retry would duplicate.
    slack.fault = (method, n) => (method !== 'chat.postMessage' || n % 3 !== 0 ? 'ok' : n % 2 ? 'rate_limited' : 'error_after_post');
    for (let i = 0; i < 30; i++) await queue(ws, { key: `batch:${i}`, to: `U${i % 4}`, kind: 'dm', cards: card(`lead ${i}`), locale: 'en' }, new Date());
    const s = sender();
    await until(allSent, () => s.runOnce());
    const counts = slack.deliveries();
    expect([...counts.keys()].sort()).toEqual(Array.from({ length: 30 }, (_, i) => `batch:${i}`).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(slack.called('conversations.history').length).toBeGreaterThan(0);
    expect(slack.calls.some((c) => c.method === 'chat.postMessage') && slack.posted.every((p) => p.body.metadata)).toBe(true);
  }, 60_000);

  it('should have two senders on one database send each message once', async () => {
    for (let i = 0; i < 20; i++) await queue(ws, { key: `pair:${i}`, to: 'C1', kind: 'channel', cards: card(`post ${i}`), locale: 'en' }, new Date());
    const [a, b] = [sender(), sender()];
    await until(allSent, () => Promise.all([a.runOnce(), b.runOnce()]));
    expect(slack.posted).toHaveLength(20);
    expect([...slack.deliveries().values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('should not wait for ever on a Slack call that never answers, and still deliver it once', async () => {
    await queue(ws, { key: 'hung', to: 'CHUNG', kind: 'channel', cards: card('slow'), locale: 'en' }, new Date());
    // The first post reaches Slack but is never answered: the client gives up after half the lease.
    slack.fault = (method, n) => (method === 'chat.postMessage' && n === 1 ? 'hang' : 'ok');
    const s = new OutboxSender({ slack: new SlackSender({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, OUTBOX_LEASE_SECONDS: 2 }) }, logger, {
      pollMs: 50,
      leaseMs: 2000,
      retryBaseMs: 20,
      maxAttempts: 5,
    });
    const started = Date.now();
    await s.runOnce();
    expect(Date.now() - started).toBeLessThan(1900);
    expect((await outboxRepo.byKey(ws._id, 'hung'))!.status).not.toBe('sent');
    await until(allSent, () => s.runOnce());
    expect(slack.deliveries().get('hung')).toBe(1);
  }, 30_000);

  it('should not send other messages under the request id of the request that woke the sender', async () => {
    await queue(ws, { key: 'ctx:1', to: 'C1', kind: 'channel', cards: card('one'), locale: 'en' }, new Date());
    const seen: (string | undefined)[] = [];
    const s = new OutboxSender({ slack: { send: async () => (seen.push(requestContext.getStore()), { ok: true }) } }, logger, { pollMs: 50, leaseMs: 5000, retryBaseMs: 20, maxAttempts: 3 });
    await requestContext.run('req-that-kicked', () => s.runOnce());
    expect(seen).toEqual([undefined]);
  });

  it('should give a message up with its reason when Slack refuses it for good', async () => {
    await queue(ws, { key: 'gone', to: 'CGONE', kind: 'channel', cards: card('x'), locale: 'en' }, new Date());
    // channel_not_found: an ok:false answer that no retry will fix.
    slack.fault = () => 'channel_not_found';
    await sender().runOnce();
    const item = await outboxRepo.byKey(ws._id, 'gone');
    expect(item!.status).toBe('failed');
    expect(item!.lastError).toBe('channel_not_found');
  });
});

describe('two service instances', () => {
  it('should send each weekly digest once', async () => {
    // The digest slot a minute ago (UTC), so both instances find it due right away.
    const local = localClock(new Date(Date.now() - 60_000), 'UTC');
    const time = `${String(Math.floor(local.minute / 60)).padStart(2, '0')}:${String(local.minute % 60).padStart(2, '0')}`;
    await workspacesRepo.updateSettings(ws._id, { digest: { day: local.day, time, channels: [{ team: 'east', channel: 'CEAST' }] } });
    for (const [user, name, role, team] of [['UE1', 'east rep', 'rep', 'east'], ['UW1', 'west manager', 'manager', 'west']]) {
      const { member } = await membersRepo.ensure(ws._id, user, name);
      await membersRepo.update(ws._id, member._id, { role, team });
    }
    const config = { DEFAULT_LOCALE: 'en' as const, JOBS_EVERY_SECONDS: 1, OUTBOX_POLL_MS: 100, OUTBOX_LEASE_SECONDS: 5, OUTBOX_RETRY_BASE_MS: 50, OUTBOX_MAX_ATTEMPTS: 5, MONGODB_DB: db.dbName };
    const instances = [1, 2].map(() => {
      const sender = createOutboxSender(config, logger, { slack: new SlackSender({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl }) });
      return { sender, jobs: createJobs({ config, logger, mongoUri: testDbUri(), sender }) };
    });
    try {
      for (const i of instances) i.sender.start();
      await Promise.all(instances.map((i) => i.jobs.start()));
      await slack.waitFor(() => slack.posted.filter((p) => p.key?.startsWith('digest:')).length >= 2, 30_000);
      await new Promise((r) => setTimeout(r, 3000)); // several more sweeps on both instances
    } finally {
      await Promise.all(instances.map(async (i) => {
        await i.jobs.stop();
        await i.sender.stop();
      }));
    }
    const digests = slack.posted.filter((p) => p.key?.startsWith('digest:'));
    expect(digests.map((d) => d.channel).sort()).toEqual(['CEAST', 'DUW1']);
    expect(new Set(digests.map((d) => d.key)).size).toBe(digests.length);
  }, 60_000);
});

describe('WeCom delivery', () => {
  it('should repeat an uncertain send with WeCom duplicate check on, byte for byte, and wait out 45009', async () => {
    const wecom = await new FakeWecom({ corpId: WECOM_CORP_ID, secret: WECOM_SECRET }).start();
    try {
      const client = new WecomClient({ baseUrl: wecom.url, corpId: WECOM_CORP_ID, secret: WECOM_SECRET, agentId: WECOM_AGENT_ID, logger, sleep: async () => undefined });
      const out = new WecomSender(client, logger);
      const m = { key: 'follow-up:1', to: 'zhangwei', kind: 'dm' as const, cards: [{ title: '该跟进了', actions: [{ id: 'lead_log', label: '记录跟进', value: 'x' }] }], locale: 'zh-CN' as const, queuedAt: new Date() };
      wecom.dropNext('message/send');
      const sent = await out.send(m, { recheck: false });
      const sends = wecom.called('message/send');
      expect(sends).toHaveLength(2);
      // Where it landed, for a later redraw: the card's task id.
      expect(sent).toMatchObject({ ok: true, copy: { channel: 'zhangwei' } });
      const ref = JSON.parse((sent as { copy: { ref: string } }).copy.ref) as { taskId: string };
      expect(ref.taskId).toBe((sends[0].body.template_card as { task_id: string }).task_id);
      expect(sends[0].body).toEqual(sends[1].body);
      expect(sends[0].body).toMatchObject({ enable_duplicate_check: 1, duplicate_check_interval: 14400 });
      wecom.failNext('message/send', 45009, 4);
      expect(await out.send(m, { recheck: true })).toMatchObject({ ok: false, retry: true, mayHaveArrived: false, retryAfterMs: 60_000 });

      // A group robot: posted as markdown; after an uncertain attempt it is given up, not repeated.
      const post = { ...m, key: 'digest:east:w1', to: wecom.webhookUrl('east-robot'), kind: 'channel' as const };
      expect(await out.send(post, { recheck: false })).toEqual({ ok: true, copy: { channel: post.to, ref: 'webhook' } });
      expect(wecom.called('webhook/send')).toHaveLength(1);
      expect(wecom.called('webhook/send')[0].body).toMatchObject({ msgtype: 'markdown' });
      expect(await out.send(post, { recheck: true })).toMatchObject({ ok: false, retry: false, mayHaveArrived: true });
      expect(wecom.called('webhook/send')).toHaveLength(1);
    } finally {
      await wecom.stop();
    }
  });
});
