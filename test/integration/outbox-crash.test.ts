import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mongoose, { type Types } from 'mongoose';
import { testDbUri, useTestDb } from '../helpers/db';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, type Fault } from '../helpers/slack';
import { workspacesRepo } from '../../src/modules/workspaces/workspaces.repo';
import { membersRepo } from '../../src/modules/workspaces/members.repo';
import { leads as storedLeads, outbox, outboxWhere } from '../helpers/app-data';
import { clearAll, insertHistory } from '../helpers/raw-db';

// The outbox under a crash: the real service (src/main.ts, as `npm start` runs it) is started as a
// child process against the fake Slack API, killed with SIGKILL while a batch of follow-up nudges is
// being sent (one post reached Slack but was never answered), and started again. Every nudge must
// arrive exactly once: the unanswered one is found in the DM's history instead of being posted again.

const ROOT = path.resolve(__dirname, '../..');
const LEADS = 30;
const MEMBERS = 5;
const TEST_TIMEOUT = 120_000;

const db = useTestDb();

interface Service {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<string>;
}

const running = new Set<Service>();

function startService(name: string, fake: FakeSlack): Service {
  // tsx runs the service in a child of its own: a process group of its own lets a crash kill both.
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MONGODB_URI: testDbUri(),
      MONGODB_DB: db.dbName,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SANDBOX_ENABLED: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      JOBS_EVERY_SECONDS: '1',
      OUTBOX_POLL_MS: '100',
      OUTBOX_LEASE_SECONDS: '2',
      OUTBOX_RETRY_BASE_MS: '200',
    },
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const s: Service = { name, child, output: () => out, exited };
  running.add(s);
  void exited.then(() => running.delete(s));
  return s;
}

function killGroup(s: Service, signal: NodeJS.Signals): void {
  try {
    process.kill(-s.child.pid!, signal);
  } catch {
    // already gone
  }
}

/** A crash: SIGKILL to the service and tsx alike, no drain. */
async function crash(s: Service): Promise<void> {
  killGroup(s, 'SIGKILL');
  await s.exited;
}

/** A normal stop (SIGTERM, which drains); SIGKILL if it has not exited in time. Resolves with how it ended. */
async function stop(s: Service, timeoutMs = 20_000): Promise<string> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.exited;
  s.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const how = await Promise.race([s.exited, late]);
  clearTimeout(timer);
  if (how === 'timeout') {
    killGroup(s, 'SIGKILL');
    await s.exited;
    return 'did not exit on SIGTERM; killed';
  }
  // tsx's child (the service itself) goes with it; make sure nothing of the group is left behind.
  killGroup(s, 'SIGKILL');
  return how;
}

function tail(text: string, max = 20_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

function logsOf(services: Service[]): string {
  return services.map((s) => `\n----- ${s.name} (output) -----\n${tail(s.output())}`).join('\n');
}

async function until(what: string, pred: () => boolean | Promise<boolean>, timeoutMs: number, services: Service[], fake: FakeSlack): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await pred()) return;
    const live = services[services.length - 1];
    if (live && live.child.exitCode !== null) throw new Error(`${live.name} exited (${live.child.exitCode}) while waiting for ${what}\n${summary(fake)}${logsOf(services)}`);
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${summary(fake)}${logsOf(services)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Each Web API call the fake answered and how (for failure messages), in order. */
const trace = new WeakMap<FakeSlack, string[]>();

/** Installs `hook` as the fake's fault hook, noting every call and its fate. */
function setFaults(fake: FakeSlack, hook: (method: string, n: number) => Fault): void {
  const lines: string[] = [];
  trace.set(fake, lines);
  fake.fault = (method, n) => {
    const fault = hook(method, n);
    // The fake records the call just before it asks the hook.
    const body = fake.calls[fake.calls.length - 1]?.body ?? {};
    const key = (body.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
    lines.push(`  ${new Date().toISOString()} ${method} #${n} → ${fault}${body.channel ? ` channel=${String(body.channel)}` : ''}${body.users ? ` users=${String(body.users)}` : ''}${key ? ` key=${key}` : ''}`);
    return fault;
  };
}

function summary(fake: FakeSlack): string {
  const counts = [...fake.deliveries()].map(([k, n]) => `  ${k} ×${n}`).join('\n');
  const methods = new Map<string, number>();
  for (const c of fake.calls) methods.set(c.method, (methods.get(c.method) ?? 0) + 1);
  const calls = (trace.get(fake) ?? []).join('\n');
  return `fake Slack calls: ${JSON.stringify(Object.fromEntries(methods))}\ndeliveries (${fake.deliveries().size} keys):\n${counts}\ncalls in order:\n${calls}\n`;
}

/** Today's weekday in Shanghai (0 = Sunday). */
function shanghaiWeekday(now = new Date()): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(now);
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

/** A Slack workspace working around the clock, its members, and LEADS leads whose follow-up is due. Returns their outbox keys. */
async function seed(): Promise<string[]> {
  await clearAll();
  const ws = await workspacesRepo.ensure('slack', 'T1', 'Crash Test Ltd', { locale: 'en', timezone: 'Asia/Shanghai', phoneRegion: 'CN' });
  await workspacesRepo.markAdminSeated(ws);
  await workspacesRepo.updateSettings(ws._id, {
    workHours: { start: '00:00', end: '23:59', days: [0, 1, 2, 3, 4, 5, 6] },
    // The weekly digest's latest slot is days old, so it stays out of this test's messages.
    digest: { day: (shanghaiWeekday() + 3) % 7, time: '00:00', channels: [] },
  });
  const members: { _id: Types.ObjectId }[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const { member } = await membersRepo.ensure(ws._id, `U${i + 1}`, `Rep ${i + 1}`);
    members.push(i === 0 ? (await membersRepo.update(ws._id, member._id, { role: 'admin' }))! : member);
  }
  const now = Date.now();
  const leads = Array.from({ length: LEADS }, (_, i) => {
    const owner = members[i % MEMBERS]._id as Types.ObjectId;
    const company = `Company ${i + 1}`;
    const contact = `Contact ${i + 1}`;
    return {
      _id: new mongoose.Types.ObjectId(),
      workspaceId: ws._id,
      seq: i + 1,
      company,
      contactName: contact,
      phones: [],
      emails: [],
      source: '',
      value: null,
      currency: null,
      stage: 'new',
      ownerId: owner,
      createdById: owner,
      tags: [],
      nextFollowUpAt: new Date(now - 5 * 60_000 + i * 1000),
      nextFollowUpWhat: `call back #${i + 1}`,
      lostReason: '',
      lastContactAt: null,
      followUpPending: true,
      quietLevel: 0,
      keys: { phones: [], emails: [], company: company.toLowerCase(), contact: contact.toLowerCase() },
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
  });
  // Due follow-ups whose nudges are not queued yet, written as they stand (due minutes ago).
  await insertHistory({ leads });
  return leads.map((l) => `follow-up:${l._id}:${l.nextFollowUpAt.toISOString()}`);
}

/** Every lead's nudge is in the outbox (so the follow-up sweep has nothing left to do). */
async function allQueued(): Promise<boolean> {
  const [pending, queued] = await Promise.all([storedLeads().then((ls) => ls.filter((l) => l.followUpPending).length), outbox().then((rows) => rows.length)]);
  return pending === 0 && queued === LEADS;
}

/**
 * Starts the service with `fault` in place until the `hangAt`th chat.postMessage (which is never
 * answered), kills it there, starts it again and waits for every nudge. Returns the services and the
 * key whose post hung.
 */
async function crashAndRecover(fake: FakeSlack, keys: string[], hangAt: number, services: Service[]): Promise<{ hungKey: string }> {
  const first = startService('first run (killed)', fake);
  services.push(first);
  await until(`chat.postMessage #${hangAt} (the one that hangs)`, () => fake.called('chat.postMessage').length >= hangAt, 60_000, services, fake);
  // The sender is stuck on the hung post; let the sweep finish queueing so the crash cuts sending only.
  await until('every nudge queued in the outbox', allQueued, 30_000, services, fake);
  const hung = fake.called('chat.postMessage')[hangAt - 1].body.metadata as { event_payload?: { key?: string } };
  const hungKey = String(hung.event_payload?.key);
  await crash(first);

  const second = startService('second run (after the crash)', fake);
  services.push(second);
  const expected = new Set(keys);
  await until(
    `all ${LEADS} nudges delivered and marked sent`,
    async () => [...expected].every((k) => fake.deliveries().has(k)) && (await outboxWhere((row) => row.status === 'sent')).length === LEADS,
    60_000,
    services,
    fake,
  );
  // Room for a stray duplicate (a late retry, a second pass) to show up.
  await new Promise((r) => setTimeout(r, 2500));
  return { hungKey };
}

/** Every key delivered exactly once, nothing else delivered, every outbox item sent. */
async function expectExactlyOnce(fake: FakeSlack, keys: string[], services: Service[]): Promise<void> {
  const deliveries = fake.deliveries();
  const missing = keys.filter((k) => !deliveries.has(k));
  const duplicated = [...deliveries].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
  const unexpected = [...deliveries.keys()].filter((k) => !keys.includes(k));
  const items = await outbox();
  const notSent = items.filter((i) => i.status !== 'sent').map((i) => `${i.key}: ${i.status} after ${i.attempts} attempts (${i.lastError})`);
  const problems = [
    ...missing.map((k) => `never delivered: ${k}`),
    ...duplicated.map((d) => `delivered more than once: ${d}`),
    ...unexpected.map((k) => `not a nudge of this test: ${k}`),
    ...notSent.map((s) => `outbox item not sent: ${s}`),
    ...(items.length === LEADS ? [] : [`${items.length} outbox items, expected ${LEADS}`]),
  ];
  if (problems.length) throw new Error(`${problems.join('\n')}\n\n${summary(fake)}${logsOf(services)}`);
  expect(missing).toEqual([]);
  expect(duplicated).toEqual([]);
  expect(items.map((i) => i.status)).toEqual(Array(LEADS).fill('sent'));
}

describe('the outbox when the service crashes mid-batch', () => {
  let services: Service[] = [];
  let fake: FakeSlack | undefined;

  afterEach(async () => {
    for (const s of [...running]) {
      killGroup(s, 'SIGKILL');
      await s.exited;
    }
    services = [];
    if (fake) await Promise.race([fake.stop(), new Promise((r) => setTimeout(r, 5000).unref())]);
    fake = undefined;
  });

  it(
    'should deliver every nudge exactly once after a SIGKILL with one post sent but unanswered',
    async () => {
      const keys = await seed();
      fake = await new FakeSlack().start();
      const HANG_AT = 7;
      // Only the HANG_AT-th post hangs (the counter goes on across the restart): afterwards all is normal.
      setFaults(fake, (method, n) => (method === 'chat.postMessage' && n === HANG_AT ? 'hang' : 'ok'));

      const { hungKey } = await crashAndRecover(fake, keys, HANG_AT, services);

      await expectExactlyOnce(fake, keys, services);
      // The hung post did reach Slack; the restart looked in the DM's history rather than posting it again.
      expect(fake.posted.filter((p) => p.key === hungKey)).toHaveLength(1);
      expect(fake.called('conversations.history').length).toBeGreaterThanOrEqual(1);
      expect(fake.called('chat.postMessage')).toHaveLength(LEADS);
      expect((await outboxWhere((row) => row.key === hungKey))[0]?.attempts).toBe(2);
      expect(await stop(services[services.length - 1])).toBe('0');
    },
    TEST_TIMEOUT,
  );

  it(
    'should deliver every nudge exactly once when a third of the posts fail with 429 or 500 and the service is killed mid-batch',
    async () => {
      const keys = await seed();
      fake = await new FakeSlack().start();
      const HANG_AT = 10;
      // Every third post fails, alternately rate limited (429) and a 500 after the message was posted
      // anyway; the HANG_AT-th is never answered (the crash). The failures go on after the restart.
      setFaults(fake, (method, n): Fault => {
        if (method !== 'chat.postMessage') return 'ok';
        if (n === HANG_AT) return 'hang';
        return n % 3 === 0 ? ((n / 3) % 2 === 1 ? 'rate_limited' : 'error_after_post') : 'ok';
      });

      const { hungKey } = await crashAndRecover(fake, keys, HANG_AT, services);

      await expectExactlyOnce(fake, keys, services);
      expect(fake.posted.filter((p) => p.key === hungKey)).toHaveLength(1);
      const posts = fake.called('chat.postMessage').length;
      expect(posts).toBeGreaterThan(LEADS); // the 429s were posted again
      expect(await stop(services[services.length - 1])).toBe('0');
    },
    TEST_TIMEOUT,
  );

  it(
    'should deliver every nudge exactly once when a third of all Slack calls fail (posts, DM opens, history reads) and the service is killed mid-batch',
    async () => {
      const keys = await seed();
      fake = await new FakeSlack().start();
      const HANG_AT = 10;
      // As above, for every Web API method (each counted on its own): the look in the DM's history
      // before a resend, and the conversations.open before it, fail too; a failed look proves nothing.
      setFaults(fake, (method, n): Fault => {
        if (method === 'chat.postMessage' && n === HANG_AT) return 'hang';
        return n % 3 === 0 ? ((n / 3) % 2 === 1 ? 'rate_limited' : 'error_after_post') : 'ok';
      });

      const { hungKey } = await crashAndRecover(fake, keys, HANG_AT, services);

      await expectExactlyOnce(fake, keys, services);
      expect(fake.posted.filter((p) => p.key === hungKey)).toHaveLength(1);
      expect(await stop(services[services.length - 1])).toBe('0');
    },
    TEST_TIMEOUT,
  );
});
