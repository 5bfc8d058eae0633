// `npm run bench:scale`: how commands, cards, the digest and the job sweeps hold up as a workspace
// grows. Seeds one Slack workspace through the product's own repos to 10,000 leads, then to
// BENCH_LEADS (default 100,000), with interactions, tickets, stage moves and follow-ups due; at each
// size times `/lead show`, `/lead find <phone>` and a Move click (signed requests through the real
// service; p50/p95 over BENCH_RUNS, default 50), the duplicate check of a new lead's input (the leads
// module's entry point, over BENCH_RUNS inputs), `/pipeline`, the digest and one sweep of each job;
// then prints the ratios and which targets are met.
// Database: MONGODB_URI if set (with FERRETDB_POSTGRESQL_URL, the PostgreSQL under that FerretDB, for
// its pushdown indexes), else the embedded one `npm start` uses (FerretDB over the embedded
// PostgreSQL) in a temporary directory, fsync off; connectDb makes the product's pushdown indexes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { connectDb, disconnectDb } from '../src/platform/db/connection';
import { startFerretDb } from '../src/platform/db/embedded-db';
import { workspacesRepo } from '../src/modules/workspaces/workspaces.repo';
import { membersRepo } from '../src/modules/workspaces/members.repo';
import { leadsRepo } from '../src/modules/leads/leads.repo';
import { leadTotalsRepo } from '../src/modules/leads/lead-totals.repo';
import { interactionsRepo } from '../src/modules/leads/interactions.repo';
import { leadBlockKeys, leadDuplicates } from '../src/modules/leads';
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
const DAY = 86_400_000;
const STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
let lastOutput = Date.now();
const out = (s: string) => ((lastOutput = Date.now()), process.stdout.write(`${s}\n`));
// A run that prints nothing for BENCH_STALL_S (default 300 s) has hung: say so instead of waiting forever.
setInterval(() => {
  if (Date.now() - lastOutput < Number(process.env.BENCH_STALL_S ?? 300) * 1000) return;
  process.stderr.write('no progress for a long time: the database hung (see the last figure printed)\n');
  process.exit(2);
}, 5000).unref();
const phone = (i: number) => `+86138${String(i).padStart(8, '0')}`;

// Names drawn from small pools, so companies and contacts repeat as in a real book of leads (a
// company core is shared by ~70 leads at 100,000, a contact name by ~30): the duplicate check's
// blocking keys then find real candidate sets, not one unique key each.
const PLACES = ['Hangzhou', 'Suzhou', 'Ningbo', 'Wuxi', 'Xiamen', 'Foshan', 'Dongguan', 'Qingdao', 'Dalian', 'Hefei', 'Jinan', 'Fuzhou', 'Changsha', 'Wuhan', 'Chengdu', 'Kunming', 'Nanning', 'Harbin', 'Shenyang', 'Tianjin', 'Zhuhai', 'Shantou', 'Wenzhou', 'Taizhou', 'Jiaxing', 'Shaoxing', 'Yantai', 'Weifang', 'Luoyang', 'Xuzhou', 'Nantong', 'Yangzhou', 'Zhenjiang', 'Changzhou', 'Huzhou', 'Quanzhou', 'Zhangzhou'];
const WORDS = ['Ruitai', 'Hengda', 'Jinlong', 'Huaxin', 'Tianyu', 'Mingyang', 'Xinghe', 'Baoli', 'Kangda', 'Shengshi', 'Yongxin', 'Dingfeng', 'Haitian', 'Longsheng', 'Fuxing', 'Zhongke', 'Hongyuan', 'Jiahe', 'Weiye', 'Anda', 'Lianhe', 'Xinda', 'Huamei', 'Guotai', 'Taihe', 'Ruixiang', 'Wanli', 'Boyuan', 'Chuangxin', 'Dongfang', 'Jingwei', 'Kaiyuan', 'Lixin', 'Minghui', 'Pengcheng', 'Qianjin', 'Shunfa', 'Tongda', 'Xiangyu', 'Yuanda', 'Zhenhua'];
const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Hu', 'Zhu', 'Gao', 'Lin', 'He', 'Guo', 'Ma', 'Luo', 'Liang', 'Song', 'Zheng', 'Xie', 'Han', 'Tang', 'Feng', 'Yu', 'Dong', 'Xiao', 'Cheng', 'Cao', 'Yuan', 'Deng', 'Fu', 'Shen', 'Zeng', 'Peng', 'Lu', 'Su', 'Jiang', 'Cai', 'Jia', 'Ding', 'Wei', 'Xue', 'Ye', 'Yan', 'Pan', 'Du'];
const GIVEN = ['Lei', 'Wei', 'Fang', 'Min', 'Jing', 'Li', 'Qiang', 'Yan', 'Jun', 'Yong', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiu', 'Hua', 'Ping', 'Gang', 'Hui', 'Bo', 'Ning', 'Hong', 'Xin', 'Peng', 'Dan', 'Kai', 'Lin', 'Rui', 'Yu', 'Hao', 'Fei', 'Jian', 'Mei', 'Na', 'Qing', 'Bin', 'Xia', 'Long', 'Yun', 'Feng', 'Shan', 'Zhen', 'Liang', 'Wen', 'Juan', 'Ying', 'Hai', 'Lan', 'Qi', 'Tian', 'Xue', 'Yang', 'Cheng', 'Hong', 'Kun', 'Le', 'Mo', 'Nan', 'Ou', 'Pei'];
const companyOf = (i: number) => `${PLACES[i % PLACES.length]} ${WORDS[Math.floor(i / PLACES.length) % WORDS.length]} Trading Co`;
const contactOf = (i: number) => `${SURNAMES[(i * 7) % SURNAMES.length]} ${GIVEN[Math.floor(i / 13) % GIVEN.length]}`;

/** The database to run against: the given one, or the embedded one in a scratch directory. */
async function database(): Promise<{ uri: string; postgresqlUrl?: string; stop: () => Promise<void> }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, postgresqlUrl: process.env.FERRETDB_POSTGRESQL_URL, stop: async () => undefined };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatcrm-bench-scale-'));
  const db = await startFerretDb({ dataDir, durable: false });
  return { uri: db.uri, postgresqlUrl: db.postgresqlUrl, stop: async () => (await db.stop(), rmSync(dataDir, { recursive: true, force: true })) };
}

type Ws = NonNullable<Awaited<ReturnType<typeof workspacesRepo.byId>>>;

/** Leads `from`+1 … `to` (seq 2 on: L-1 is the one `/lead add` made), with a week of activity around `now`. */
async function seed(ws: Ws, owners: Types.ObjectId[], from: number, to: number, now: Date): Promise<void> {
  for (let start = from; start < to; start += SEED_BATCH) {
    if (start % 10_000 === 0 || process.env.BENCH_VERBOSE) out(`  seeding ${start}…`);
    const ids: Types.ObjectId[] = [];
    const batch = Array.from({ length: Math.min(SEED_BATCH, to - start) }, (_, j) => {
      const i = start + j;
      const _id = new Types.ObjectId();
      ids.push(_id);
      const createdAt = new Date(now.getTime() - (i % 400) * DAY - (i % 1440) * 60_000);
      const due = i % 100 === 0;
      return {
        _id, seq: i + 2, company: companyOf(i), contactName: contactOf(i), phones: [phone(i)], emails: [], phoneGuesses: [], source: i % 2 ? 'expo' : '',
        value: i % 4 ? 1000 + (i % 97) * 100 : null, currency: 'CNY', stage: STAGES[i % STAGES.length], ownerId: owners[i % owners.length], createdById: owners[0], tags: [],
        nextFollowUpAt: due ? new Date(now.getTime() - (i % 120) * 60_000) : null, nextFollowUpWhat: due ? 'call back' : '', followUpPending: due, lostReason: '',
        lastContactAt: i % 5 ? new Date(now.getTime() - (i % 30) * DAY) : null, quietLevel: 0, rev: 0, quietNudgedAt: null, deletedAt: null, deletedById: null,
        keys: { phones: [phone(i)], emails: [], company: companyOf(i).toLowerCase(), contact: contactOf(i).toLowerCase() },
        ...leadBlockKeys({ company: companyOf(i), contactName: contactOf(i), keys: { phones: [phone(i)], emails: [], company: '', contact: '' } }),
        createdAt, updatedAt: createdAt,
      };
    });
    await leadsRepo.createMany(ws._id, batch as never, { totals: 'later' });
    const at = (k: number) => new Date(now.getTime() - (k % 7) * DAY - k * 1000);
    await interactionsRepo.addMany(ws._id, ids.filter((_, k) => k % 20 === 0).map((leadId, k) => ({ leadId, kind: 'call', text: 'bench', authorId: owners[k % owners.length], at: at(k) })));
    // Side by side (one write each, as the product makes them).
    await Promise.all(ids.filter((_, n) => n % 50 === 0).map((entityId, k) =>
      auditRepo.record(ws._id, { actorId: owners[0], platform: 'slack', action: 'lead.stage', entity: 'lead', entityId, before: { stage: 'new', ownerId: owners[k % owners.length] }, after: { stage: 'contacted' }, at: at(k) })));
    await Promise.all(ids.filter((_, k) => k % 200 === 0).map((leadId, n) => {
      const k = n * 200;
      const t = (start + k) / 200 + 1;
      return ticketsRepo.create(ws._id, { seq: t, subject: `Ticket ${t}`, createdById: owners[0], leadId, firstResponseDueAt: new Date(now.getTime() - (k % 5) * 3_600_000), resolutionDueAt: new Date(now.getTime() + DAY) });
    }));
  }
  await leadTotalsRepo.reconcile(ws._id);
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
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 120_000);
  return svc.slack.responses(r.responseId)[0].body as Parameters<typeof buttons>[0];
}

/**
 * The duplicate check `/lead add` runs for a new lead's input (leadDuplicates.check): RUNS inputs, half
 * re-entries of a stored lead (its phone, another contact of its company), half new customers with
 * a stored company name. Returns the times and how many re-entries were flagged against their lead.
 */
async function duplicateChecks(ws: Ws, size: number): Promise<{ times: number[]; found: number }> {
  const times: number[] = [];
  let found = 0;
  const started = performance.now();
  // A check that scans the collection takes seconds each at 100,000: stop after BENCH_DUP_BUDGET_MS (default 30 s).
  for (let r = 0; r < RUNS && performance.now() - started < Number(process.env.BENCH_DUP_BUDGET_MS ?? 30_000); r++) {
    const i = Math.floor(((r + 1) * size) / (RUNS + 2));
    const again = r % 2 === 0;
    const subject = again
      ? { company: companyOf(i), contactName: contactOf(i + 1), phones: [phone(i)], emails: [] }
      : { company: companyOf(i), contactName: contactOf(i + 3), phones: [`+86139${String(r).padStart(8, '0')}`], emails: [] };
    const [t, check] = await timed(() => leadDuplicates.check(ws._id, subject));
    times.push(t);
    if (again && check.matches.some((m) => m.candidate.seq === i + 2)) found++;
  }
  return { times, found };
}

async function measure(svc: TestService, ws: Ws, size: number, now: Date): Promise<Record<string, number>> {
  const deps = { config: { DEFAULT_LOCALE: 'en' as const }, logger: createLogger('silent'), kick: () => undefined };
  out(`— ${size} leads (${RUNS} runs each for show/find/move) —`);
  const f: Record<string, number> = {};
  const put = (k: string, v: number) => {
    f[k] = v;
    out(`  ${k}: ${ms(v)}`);
  };
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
        await svc.slack.waitFor(() => svc.slack.responses(c.responseId).length > 0, 120_000).catch(() => undefined);
        return c;
      });
      if (res.status === 200) move.push(t3);
    }
  }
  await leadTotalsRepo.settled();
  for (const [k, xs] of [['show', show], ['find', find], ['move', move]] as const) {
    if (!xs.length) continue;
    put(`${k} p50`, pct(xs, 50));
    put(`${k} p95`, pct(xs, 95));
  }
  const dup = await duplicateChecks(ws, size);
  put('duplicate check p50', pct(dup.times, 50));
  put('duplicate check p95', pct(dup.times, 95));
  out(`  (duplicate check: ${dup.times.length} inputs; ${dup.found} of ${Math.ceil(dup.times.length / 2)} re-entries flagged against their lead)`);
  put('pipeline', (await timed(() => answered(svc, '/pipeline', '')))[0]);
  put('digest figures', (await timed(() => pipelineFigures(ws, undefined, { from: new Date(now.getTime() - 7 * DAY), to: now })))[0]);
  put('digest job', (await timed(() => runWeeklyDigest(deps, now, { now: true })))[0]);
  for (const [name, run] of [['follow-ups', runFollowUps], ['gone-quiet', runGoneQuiet]] as const) {
    put(`${name} sweep`, (await timed(() => run(deps, now, { anyHour: true })))[0]);
    put(`${name} sweep again`, (await timed(() => run(deps, new Date(now.getTime() + 60_000), { anyHour: true })))[0]);
  }
  put('ticket-sla sweep', (await timed(() => runTicketSla(deps, now)))[0]);
  put('ticket-sla sweep again', (await timed(() => runTicketSla(deps, new Date(now.getTime() + 60_000))))[0]);
  return f;
}

/** The target for a figure at the big size, given its time there and at 10,000: [target, met]. */
function target(k: string, big: number, small: number): [string, boolean] | null {
  if (/^(show|find|move) p95$/.test(k)) return ['≤ 300 ms', big <= 300];
  if (k === 'duplicate check p95') return ['≤ 50 ms', big <= 50];
  if (k === 'pipeline' || k.startsWith('digest')) return ['≤ 2 s and ≤ 1.5×', big <= 2000 && big <= 1.5 * small];
  if (k.endsWith('sweep') || k.endsWith('sweep again')) return ['≤ 1 s', big <= 1000];
  return null;
}

async function main() {
  const db = await database();
  // At most BENCH_POOL (default 16) commands in flight: FerretDB 1.24 on the embedded PostgreSQL (50
  // connections) was seen to hang with every connection taken during these runs.
  const uri = new URL(db.uri);
  if (!uri.searchParams.has('maxPoolSize')) uri.searchParams.set('maxPoolSize', process.env.BENCH_POOL ?? '16');
  await connectDb(uri.toString(), `bench_scale_${Date.now()}`, { postgresqlUrl: db.postgresqlUrl });
  out(`database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded FerretDB on PostgreSQL (fsync off)'}${db.postgresqlUrl ? ', pushdown indexes' : ''}`);
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
    results.push(await measure(svc, ws, size, now));
  }
  if (results.length === 2) {
    out(`— ${sizes[1]} / ${sizes[0]} —`);
    out('| figure | ' + sizes.join(' | ') + ' | ratio | target | met |');
    out('|---|---|---|---|---|---|');
    for (const k of Object.keys(results[1])) {
      const [small, big] = [results[0][k], results[1][k]];
      const t = target(k, big, small);
      out(`| ${k} | ${ms(small)} | ${ms(big)} | ${(big / small).toFixed(2)}× | ${t ? t[0] : ''} | ${t ? (t[1] ? 'yes' : '**no**') : ''} |`);
    }
  }
  await svc.close();
  await disconnectDb();
  await db.stop();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
