// `npm run bench:scale`: how commands, cards, the digest and the job sweeps hold up as a workspace
// grows. Seeds one Slack workspace through the product's own repos to 10,000 leads, then to
// BENCH_LEADS (default 100,000), with interactions, tickets, stage moves and follow-ups due; at each
// size times `/lead show`, `/lead find <phone>` and a Move click (signed requests through the real
// service; p50/p95 over BENCH_RUNS, default 50), `/pipeline`, the digest and one sweep of each job.
// Database: MONGODB_URI if set, else FerretDB on PostgreSQL at BENCH_PG_URL (a scratch database is
// created; with BENCH_PG_INDEXES=1, GIN indexes on the filtered fields, as the embedded set-up makes).
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Types } from 'mongoose';
import { connectDb, disconnectDb } from '../src/platform/db/connection';
import { ensureTestDbBinary } from '../src/platform/db/testdb-binary';
import { workspacesRepo } from '../src/modules/workspaces/workspaces.repo';
import { membersRepo } from '../src/modules/workspaces/members.repo';
import { leadsRepo } from '../src/modules/leads/leads.repo';
import { leadTotalsRepo } from '../src/modules/leads/lead-totals.repo';
import { interactionsRepo } from '../src/modules/leads/interactions.repo';
import { ticketsRepo } from '../src/modules/tickets/tickets.repo';
import { auditRepo } from '../src/platform/audit/audit.repo';
import { pipelineFigures } from '../src/modules/digest/digest.service';
import { runWeeklyDigest } from '../src/modules/digest/weekly-digest.jobs';
import { runFollowUps } from '../src/modules/follow-ups/follow-up.jobs';
import { runGoneQuiet } from '../src/modules/follow-ups/gone-quiet.jobs';
import { runTicketSla } from '../src/modules/follow-ups/ticket-sla.jobs';
import { createLogger } from '../src/platform/logger';
import { buttons, click, slash, startService, type TestService } from '../test/helpers/service';

const TARGET = Number(process.env.BENCH_LEADS ?? 100_000);
const SEED_BATCH = Number(process.env.BENCH_SEED_BATCH ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;
const STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
const out = (s: string) => process.stdout.write(`${s}\n`);
const phone = (i: number) => `+86138${String(i).padStart(8, '0')}`;

/** FerretDB (PostgreSQL backend) on a fresh scratch database; its URI and a way to stop it. */
async function startFerretOnPg(db: string): Promise<{ uri: string; stop: () => void }> {
  const u = new URL(PG_URL);
  const psql = (sql: string, dbName = u.pathname.slice(1) || 'postgres') => execFileSync('psql', ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', '-d', dbName, '-qAtc', sql]).toString();
  psql(`create database ${db}`);
  u.pathname = `/${db}`;
  const child = spawn(ensureTestDbBinary(), ['-handler', 'postgresql', '-postgresql-url', u.toString(), '-listen', '127.0.0.1:0', '-exit-on-stdin-eof'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const uri = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', (l) => resolve(l.trim())));
  return { uri, stop: () => child.kill('SIGTERM') };
}

/** GIN indexes on `_jsonb->'field'` for the fields the product filters on (what pushed-down `@>` filters use). */
function pgIndexes(db: string): void {
  const u = new URL(PG_URL);
  const psql = (sql: string) => execFileSync('psql', ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', '-d', db, '-qAtc', sql]).toString();
  const fields: Record<string, string[]> = {
    leads: ['workspaceId', '_id', 'seq', 'phoneKeys', 'emailKeys', 'followUpHour', 'activityDay', 'quietNudgedDay', 'createdDay', 'ownerId'],
    interactions: ['workspaceId', '_id', 'leadId', 'day'],
    tickets: ['workspaceId', '_id', 'seq', 'leadId', 'firstResponseDueHour', 'resolutionDueHour', 'createdDay', 'resolvedDay', 'firstResponseDueDay', 'resolutionDueDay'],
    auditevents: ['workspaceId', '_id', 'entityId', 'day'],
    leadtotals: ['workspaceId'],
    leadkeys: ['workspaceId', 'key', 'leadId'],
    members: ['workspaceId', '_id', 'platformUserId'],
    changes: ['workspaceId', 'entityId'],
    outboxes: ['workspaceId', 'key'],
  };
  const tables = psql(`select _jsonb->>'_id', _jsonb->>'table' from ${db}._ferretdb_database_metadata`).trim().split('\n').map((l) => l.split('|'));
  for (const [coll, table] of tables) {
    for (const f of fields[coll] ?? ['workspaceId']) psql(`create index if not exists "${table}_${f}_gin" on ${db}."${table}" using gin ((_jsonb->'${f}'))`);
  }
  psql('analyze');
}

type Ws = NonNullable<Awaited<ReturnType<typeof workspacesRepo.byId>>>;

/** Leads `from`+1 … `to` (seq 2 on: L-1 is the one `/lead add` made), with a week of activity around `now`. */
async function seed(ws: Ws, owners: Types.ObjectId[], from: number, to: number, now: Date): Promise<void> {
  for (let start = from; start < to; start += SEED_BATCH) {
    if (process.env.BENCH_VERBOSE) out(`  seeding ${start}…`);
    const ids: Types.ObjectId[] = [];
    const batch = Array.from({ length: Math.min(SEED_BATCH, to - start) }, (_, j) => {
      const i = start + j;
      const _id = new Types.ObjectId();
      ids.push(_id);
      const createdAt = new Date(now.getTime() - (i % 400) * DAY - (i % 1440) * 60_000);
      const due = i % 100 === 0;
      return {
        _id, seq: i + 2, company: `Company ${i}`, contactName: `Contact ${i}`, phones: [phone(i)], emails: [], phoneGuesses: [], source: i % 2 ? 'expo' : '',
        value: i % 4 ? 1000 + (i % 97) * 100 : null, currency: 'CNY', stage: STAGES[i % STAGES.length], ownerId: owners[i % owners.length], createdById: owners[0], tags: [],
        nextFollowUpAt: due ? new Date(now.getTime() - (i % 120) * 60_000) : null, nextFollowUpWhat: due ? 'call back' : '', followUpPending: due, lostReason: '',
        lastContactAt: i % 5 ? new Date(now.getTime() - (i % 30) * DAY) : null, quietLevel: 0, rev: 0, quietNudgedAt: null, deletedAt: null, deletedById: null,
        keys: { phones: [phone(i)], emails: [], company: `company ${i}`, contact: `contact ${i}` }, createdAt, updatedAt: createdAt,
      };
    });
    await leadsRepo.createMany(ws._id, batch as never);
    const at = (k: number) => new Date(now.getTime() - (k % 7) * DAY - k * 1000);
    await interactionsRepo.addMany(ws._id, ids.filter((_, k) => k % 20 === 0).map((leadId, k) => ({ leadId, kind: 'call', text: 'bench', authorId: owners[k % owners.length], at: at(k) })));
    for (const [k, entityId] of ids.filter((_, n) => n % 50 === 0).entries()) {
      await auditRepo.record(ws._id, { actorId: owners[0], platform: 'slack', action: 'lead.stage', entity: 'lead', entityId, before: { stage: 'new', ownerId: owners[k % owners.length] }, after: { stage: 'contacted' }, at: at(k) });
    }
    for (let k = 0; k < ids.length; k += 200) {
      const t = (start + k) / 200 + 1;
      await ticketsRepo.create(ws._id, { seq: t, subject: `Ticket ${t}`, createdById: owners[0], leadId: ids[k], firstResponseDueAt: new Date(now.getTime() - (k % 5) * 3_600_000), resolutionDueAt: new Date(now.getTime() + DAY) });
    }
  }
  await leadTotalsRepo.settled();
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number) => `${n.toFixed(0)} ms`;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

/** A slash command's answer, whether in the HTTP response or (late) through response_url. */
async function answered(svc: TestService, command: string, text: string) {
  const r = await slash(svc, command, text);
  if (r.body && Object.keys(r.body).length) return r.body;
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 10_000);
  return svc.slack.responses(r.responseId)[0].body as Parameters<typeof buttons>[0];
}

async function measure(svc: TestService, ws: Ws, size: number, now: Date): Promise<Record<string, number>> {
  const deps = { config: { DEFAULT_LOCALE: 'en' as const }, logger: createLogger('silent'), kick: () => undefined };
  const show: number[] = [];
  const find: number[] = [];
  const move: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const i = Math.floor(((r + 1) * size) / (RUNS + 2)) * 7 % size;
    const open = i - (i % 7);
    const [t1, card] = await timed(() => answered(svc, '/lead', `show L-${open + 2}`));
    show.push(t1);
    find.push((await timed(() => answered(svc, '/lead', `find ${phone(i)}`)))[0]);
    const next = buttons(card).find((b) => /advance|next|stage/i.test(b.actionId));
    if (next) {
      const [t3, res] = await timed(async () => {
        const c = await click(svc, next);
        await svc.slack.waitFor(() => svc.slack.responses(c.responseId).length > 0, 10_000).catch(() => undefined);
        return c;
      });
      if (res.status === 200) move.push(t3);
    }
  }
  await leadTotalsRepo.settled();
  const f: Record<string, number> = { 'show p50': pct(show, 50), 'show p95': pct(show, 95), 'find p50': pct(find, 50), 'find p95': pct(find, 95) };
  if (move.length) Object.assign(f, { 'move p50': pct(move, 50), 'move p95': pct(move, 95) });
  f.pipeline = (await timed(() => answered(svc, '/pipeline', '')))[0];
  f['digest figures'] = (await timed(() => pipelineFigures(ws, undefined, { from: new Date(now.getTime() - 7 * DAY), to: now })))[0];
  f['digest job'] = (await timed(() => runWeeklyDigest(deps, now, { now: true })))[0];
  for (const [name, run] of [['follow-ups', runFollowUps], ['gone-quiet', runGoneQuiet]] as const) {
    f[`${name} sweep`] = (await timed(() => run(deps, now, { anyHour: true })))[0];
    f[`${name} sweep again`] = (await timed(() => run(deps, new Date(now.getTime() + 60_000), { anyHour: true })))[0];
  }
  f['ticket-sla sweep'] = (await timed(() => runTicketSla(deps, now)))[0];
  f['ticket-sla sweep again'] = (await timed(() => runTicketSla(deps, new Date(now.getTime() + 60_000))))[0];
  out(`— ${size} leads (${RUNS} runs each for show/find/move) —`);
  for (const [k, v] of Object.entries(f)) out(`  ${k}: ${ms(v)}`);
  return f;
}

async function main() {
  const dbName = `bench_scale_${Date.now()}`;
  const pg = process.env.MONGODB_URI ? null : await startFerretOnPg(dbName);
  await connectDb(process.env.MONGODB_URI ?? pg!.uri, dbName);
  const svc = await startService();
  const add = await slash(svc, '/lead', 'add Bench Start; Founder; +86 13900000000');
  if (add.status !== 200) throw new Error(`first /lead add answered ${add.status}`);
  const ws = (await workspacesRepo.all('slack'))[0];
  const admin = (await membersRepo.all(ws._id))[0];
  const owners = [admin._id, ...Array.from({ length: 49 }, () => new Types.ObjectId())];
  const now = new Date();
  const sizes = [Math.min(10_000, TARGET), TARGET].filter((s, i, a) => a.indexOf(s) === i);
  const results: Record<string, number>[] = [];
  let seeded = 0;
  for (const size of sizes) {
    const [t] = await timed(() => seed(ws, owners, seeded, size, now));
    seeded = size;
    out(`seeded to ${size} leads in ${(t / 1000).toFixed(1)} s`);
    if (pg && process.env.BENCH_PG_INDEXES === '1') pgIndexes(dbName);
    results.push(await measure(svc, ws, size, now));
  }
  if (results.length === 2) {
    out(`— ${sizes[1]} / ${sizes[0]} ratios (targets: show/find/move p95 ≤ 300 ms; pipeline and digest ≤ 2 s and ≤ 1.5× their 10k time; each sweep ≤ 1 s) —`);
    for (const k of Object.keys(results[1])) out(`  ${k}: ${(results[1][k] / results[0][k]).toFixed(2)}×`);
  }
  await svc.close();
  await disconnectDb();
  pg?.stop();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
