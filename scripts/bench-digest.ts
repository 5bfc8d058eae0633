// `npm run bench:digest`: how long the weekly digest's figures take for a workspace with BENCH_LEADS
// leads (default 100,000): seeds leads, a week of stage moves, interactions and tickets, then times
// pipelineFigures for the whole workspace and for one team. Prints the seed size and the timings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { startFerretDb } from '../src/platform/db/embedded-db';
import { connectDb, disconnectDb } from '../src/platform/db/connection';
import { WorkspaceModel } from '../src/modules/workspaces/workspace.model';
import { LeadModel } from '../src/modules/leads/lead.model';
import { AuditEventModel } from '../src/platform/audit/audit-event.model';
import { InteractionModel } from '../src/modules/leads/interaction.model';
import { pipelineFigures } from '../src/modules/digest/digest.service';

const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DAY = 86_400_000;
const STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

async function main() {
  const db = process.env.MONGODB_URI ? null : await startFerretDb({ dataDir: mkdtempSync(path.join(tmpdir(), 'chatcrm-bench-')), durable: false });
  await connectDb(process.env.MONGODB_URI ?? db!.uri, `bench_digest_${Date.now()}`, { postgresqlUrl: db?.postgresqlUrl });
  const ws = await WorkspaceModel.create({ platform: 'sandbox', externalId: 'bench', name: 'Bench', settings: { locale: 'en', timezone: 'Asia/Shanghai', phoneRegion: 'CN' } });
  const owners = Array.from({ length: 50 }, () => new Types.ObjectId());
  const team = owners.slice(0, 10);
  const to = new Date('2026-11-23T01:00:00Z');
  const from = new Date(to.getTime() - 7 * DAY);
  const t0 = performance.now();
  const leadIds: Types.ObjectId[] = [];
  for (let start = 0; start < LEADS; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, LEADS - start) }, (_, j) => {
      const i = start + j;
      const _id = new Types.ObjectId();
      leadIds.push(_id);
      const createdAt = new Date(to.getTime() - (i % 400) * DAY);
      return {
        _id, workspaceId: ws._id, seq: i + 1, company: `Company ${i}`, contactName: `Contact ${i}`,
        phones: i % 3 ? [`+86138${String(i).padStart(8, '0')}`] : [], emails: [], source: i % 2 ? 'expo' : '', value: i % 4 ? 1000 + (i % 97) * 100 : null,
        currency: 'CNY', stage: STAGES[i % STAGES.length], ownerId: owners[i % owners.length], createdById: owners[0], tags: [],
        nextFollowUpAt: null, nextFollowUpWhat: '', lostReason: '', lastContactAt: new Date(to.getTime() - (i % 30) * DAY),
        followUpPending: false, quietLevel: 0, keys: { phones: [], emails: [], company: `company ${i}`, contact: `contact ${i}` }, createdAt, updatedAt: createdAt,
      };
    });
    await LeadModel.collection.insertMany(batch, { ordered: false });
  }
  const week = (i: number) => new Date(from.getTime() + (i % 7) * DAY + i);
  const moves = Array.from({ length: 2000 }, (_, i) => ({
    workspaceId: ws._id, actorId: owners[0], platform: 'sandbox', action: 'lead.stage', entity: 'lead', entityId: leadIds[(i * 7) % leadIds.length],
    before: { stage: STAGES[i % 5], ownerId: owners[((i * 7) % leadIds.length) % owners.length] }, after: { stage: STAGES[(i % 5) + 1] }, at: week(i),
  }));
  await AuditEventModel.collection.insertMany(moves);
  const touches = Array.from({ length: 5000 }, (_, i) => ({ workspaceId: ws._id, leadId: leadIds[(i * 3) % leadIds.length], kind: 'call', text: 'x', authorId: owners[i % owners.length], at: week(i) }));
  await InteractionModel.collection.insertMany(touches);
  const seeded = performance.now() - t0;

  const time = async (label: string, ownerIds: Types.ObjectId[] | undefined) => {
    const ms: number[] = [];
    let figures;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      figures = await pipelineFigures(ws, ownerIds, { from, to });
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    process.stdout.write(`${label}: median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms (${RUNS} runs; new leads ${figures!.newLeads}, moves ${figures!.movesTotal}, open ${figures!.completeness.total})\n`);
  };
  process.stdout.write(`seeded ${LEADS} leads, ${moves.length} stage moves, ${touches.length} interactions in ${(seeded / 1000).toFixed(1)} s\n`);
  if (process.env.BENCH_PROFILE) {
    const { digestRepo } = await import('../src/modules/digest/digest.repo');
    const { leadsRepo } = await import('../src/modules/leads/leads.repo');
    const open = STAGES.slice(0, 5);
    const w = { from, to };
    const steps: [string, () => Promise<unknown>][] = [
      ['newLeads', () => digestRepo.newLeads(ws._id, w)],
      ['stageMoves', () => digestRepo.stageMoves(ws._id, w)],
      ['pipeline', () => digestRepo.pipeline(ws._id, open)],
      ['countOpen', () => digestRepo.countOpen(ws._id, open, {})],
      ['countOpen size', () => digestRepo.countOpen(ws._id, open, { phones: { $size: 0 }, emails: { $size: 0 } })],
      ['countOpen source', () => digestRepo.countOpen(ws._id, open, { source: { $nin: ['', null] } })],
      ['stale count', () => leadsRepo.count(ws._id, { openOnly: true, lastContactBefore: from })],
      ['stale list', () => leadsRepo.list(ws._id, { openOnly: true, lastContactBefore: from }, 0, 10)],
      ['interactions', () => digestRepo.interactionsPerAuthor(ws._id, w)],
      ['ticketsDue', () => digestRepo.ticketsDue(ws._id, w)],
    ];
    for (const [name, fn] of steps) {
      const s = performance.now();
      await fn();
      process.stdout.write(`  ${name}: ${(performance.now() - s).toFixed(0)} ms\n`);
    }
  }
  await time('digest figures, whole workspace', undefined);
  await time('digest figures, one team (10 of 50 owners)', team);
  await disconnectDb();
  await db?.stop();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
