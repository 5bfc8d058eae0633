import { Types } from 'mongoose';
import { workspacesRepo } from '../../src/modules/workspaces/workspaces.repo';
import { outboxRepo } from '../../src/platform/outbox/outbox.repo';
import { pipelineFigures, STALE_SHOWN, type Amount, type DigestFigures } from '../../src/modules/digest/digest.service';
import { digestCard } from '../../src/modules/digest/digest.cards';
import { channelCtx, type JobDeps } from '../../src/modules/workspaces/job-deps';
import { runWeeklyDigest } from '../../src/modules/digest/weekly-digest.jobs';
import { reconcileSummaries } from '../../src/modules/digest/summaries.jobs';
import { createLogger } from '../../src/platform/logger';
import { catalogueFor } from '../../src/platform/i18n';
import type { Card } from '../../src/platform/cards/card';
import { useTestDb } from '../helpers/db';
import { outbox } from '../helpers/app-data';
import { insertHistory } from '../helpers/raw-db';
import { leadBuckets } from '../../src/modules/leads/lead-buckets';
import { ticketBuckets } from '../../src/modules/tickets/ticket-buckets';
import { dayOf } from '../../src/platform/buckets';

const en = catalogueFor('en');

// The weekly digest's figures against a seeded, pseudo-random data set whose right answers are worked
// out here from the seed arrays alone; then the job that queues the digests, once per team and week.

useTestDb();

const MIN = 60_000;
const TO = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 in Asia/Shanghai: the digest slot
const FROM = new Date(TO.getTime() - 7 * 1440 * MIN);
const STALE_BEFORE = new Date(TO.getTime() - 3 * 1440 * MIN); // staleDays defaults to 3
const START = FROM.getTime() - 7 * 1440 * MIN; // seeded times span three weeks: before, in and after the window
const STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
const OPEN = STAGES.slice(0, 5);

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number) => rand() < p;
const plus = (d: Date | number, minutes: number) => new Date(+d + minutes * MIN);
/** A random minute in the `days` days from START (or from `base`). */
const when = (days = 21, base = START) => plus(base, Math.floor(rand() * days * 1440));
const inWeek = () => when(7, FROM.getTime());
const inWindow = (d: Date | null) => d !== null && d >= FROM && d < TO;
const round2 = (n: number) => Math.round(n * 100) / 100;

const ACME = new Types.ObjectId();
const QUIET = new Types.ObjectId();
const ELSEWHERE = new Types.ObjectId(); // no workspace document: its rows must never be counted

function makeMember(workspaceId: Types.ObjectId, platformUserId: string, displayName: string, role: string, team: string) {
  return { _id: new Types.ObjectId(), workspaceId, platformUserId, displayName, role, team, managerId: null, locale: null, muted: false, createdAt: new Date(START) };
}
const members = [
  makeMember(ACME, 'UADM', 'Ada', 'admin', ''),
  makeMember(ACME, 'UEM', 'Erin', 'manager', 'east'),
  makeMember(ACME, 'UE1', 'Ann', 'rep', 'east'),
  makeMember(ACME, 'UE2', 'Bob', 'rep', 'east'),
  makeMember(ACME, 'UE3', 'Cat', 'rep', 'east'),
  makeMember(ACME, 'UWM', 'Walt', 'manager', 'west'),
  makeMember(ACME, 'UW1', 'Dan', 'rep', 'west'),
  makeMember(ACME, 'UW2', 'Eve', 'rep', 'west'),
];
type SeedMember = (typeof members)[number];
const [admin, , , , , walt] = members;
const teamIds = (team: string) => members.filter((m) => m.team === team).map((m) => m._id);

function makeLead(workspaceId: Types.ObjectId, seq: number, owner: SeedMember) {
  const createdAt = when();
  const phones = chance(0.5) ? [`+86138${String(seq).padStart(8, '0')}`] : [];
  const emails = chance(0.4) ? [`c${seq}@example.com`] : [];
  const company = chance(0.06) ? '' : `Company ${seq}`;
  return {
    ...{ _id: new Types.ObjectId(), workspaceId, seq, company, contactName: `Contact ${seq}`, phones, emails, source: pick(['', 'web', 'referral', 'expo']) },
    ...{ value: chance(0.2) ? null : (1 + Math.floor(rand() * 50)) * 1000, currency: pick(['CNY', 'USD']), stage: pick(STAGES), ownerId: owner._id, createdById: owner._id },
    ...{ tags: [], nextFollowUpAt: null, nextFollowUpWhat: '', lostReason: '', followUpPending: false, quietLevel: 0 },
    lastContactAt: chance(0.3) ? null : when(10, createdAt.getTime()),
    keys: { phones, emails, company: company.toLowerCase() || 'x', contact: `contact ${seq}` },
    createdAt,
    updatedAt: createdAt,
  };
}
type SeedLead = ReturnType<typeof makeLead>;

function makeMove(workspaceId: Types.ObjectId, lead: SeedLead, at = when(), from = pick(STAGES), to = pick(STAGES.filter((s) => s !== from))) {
  const ownerId = chance(0.1) ? pick(members)._id : lead.ownerId; // sometimes the lead has changed hands since
  const action = to === 'won' ? 'lead.won' : to === 'lost' ? 'lead.lost' : 'lead.stage';
  return { _id: new Types.ObjectId(), workspaceId, actorId: ownerId, platform: 'sandbox', action, entity: 'lead', entityId: lead._id, before: { stage: from, ownerId }, after: { stage: to }, at };
}

function makeInteraction(workspaceId: Types.ObjectId, author: SeedMember, at = when()) {
  return { _id: new Types.ObjectId(), workspaceId, leadId: pick(leads)._id, kind: pick(['call', 'meeting', 'email', 'note']), text: '', authorId: author._id, at, messageAuthor: '', messageLink: '', ticketId: null };
}

function makeTicket(workspaceId: Types.ObjectId, seq: number, by: SeedMember) {
  const createdAt = when(18);
  const claimMinutes = pick([60, 240, 1440]);
  const claimedAt = chance(0.2) ? null : plus(createdAt, Math.floor(rand() * claimMinutes * 2)); // about half in time
  const resolvedAt = claimedAt && chance(0.7) ? plus(claimedAt, Math.floor(rand() * claimMinutes * 12)) : null;
  return {
    ...{ _id: new Types.ObjectId(), workspaceId, seq, subject: `Ticket ${seq}`, description: '', priority: 'normal', leadId: null, createdById: by._id },
    ...{ status: resolvedAt ? 'resolved' : claimedAt ? 'claimed' : 'open', assigneeId: claimedAt ? by._id : null, claimedAt, resolvedAt, resolution: '' },
    ...{ escalated: false, claimRound: 0, slaClaimAlerted: false, slaResolveAlerted: false },
    firstResponseDueAt: plus(createdAt, claimMinutes),
    resolutionDueAt: plus(createdAt, claimMinutes * pick([3, 8, 12])),
    createdAt,
    updatedAt: createdAt,
  };
}

const leads = Array.from({ length: 300 }, (_, i) => makeLead(ACME, i + 1, pick(members)));
// The edges: created exactly at `from` (in) and at `to` (out); last contact exactly at the stale line (not stale).
Object.assign(leads[0], { createdAt: FROM });
Object.assign(leads[1], { createdAt: TO });
Object.assign(leads[2], { stage: 'new', lastContactAt: STALE_BEFORE });
Object.assign(leads[3], { stage: 'contacted', lastContactAt: null, createdAt: STALE_BEFORE });

const moves = Array.from({ length: 150 }, () => makeMove(ACME, pick(leads)));
moves.push(
  // Won twice in the week (reopened in between): one won lead.
  makeMove(ACME, leads[10], plus(FROM, 60), 'qualified', 'won'),
  makeMove(ACME, leads[10], plus(FROM, 120), 'won', 'negotiation'),
  makeMove(ACME, leads[10], plus(FROM, 180), 'negotiation', 'won'),
  makeMove(ACME, leads[11], FROM, 'new', 'contacted'),
  makeMove(ACME, leads[12], TO, 'proposal', 'won'),
);
const interactions = [...Array.from({ length: 200 }, () => makeInteraction(ACME, pick(members))), makeInteraction(ACME, members[2], FROM), makeInteraction(ACME, members[3], TO)];
const tickets = Array.from({ length: 40 }, (_, i) => makeTicket(ACME, i + 1, pick(members)));
// Claimed exactly at its target, inside the window: met.
Object.assign(tickets[0], { createdAt: plus(FROM, 60), firstResponseDueAt: plus(FROM, 120), claimedAt: plus(FROM, 120), resolutionDueAt: plus(TO, 600), resolvedAt: null, status: 'claimed' });

// Rows in the window that do not count: other audit actions, and another workspace's data.
const noise = {
  events: [
    ...Array.from({ length: 10 }, () => ({ ...makeMove(ACME, pick(leads), inWeek()), action: 'lead.assign' })),
    ...Array.from({ length: 5 }, () => makeMove(ELSEWHERE, pick(leads), inWeek())),
  ],
  leads: Array.from({ length: 10 }, (_, i) => ({ ...makeLead(ELSEWHERE, i + 1, pick(members)), createdAt: inWeek(), stage: 'new' })),
  interactions: Array.from({ length: 8 }, () => makeInteraction(ELSEWHERE, pick(members), inWeek())),
  tickets: Array.from({ length: 3 }, (_, i) => ({ ...makeTicket(ELSEWHERE, i + 1, pick(members)), createdAt: inWeek(), firstResponseDueAt: inWeek(), claimedAt: null })),
};

// A workspace whose only data is older than the window.
const quietAdmin = makeMember(QUIET, 'UQA', 'Quinn', 'admin', '');
const quietLeads = Array.from({ length: 5 }, (_, i) => ({ ...makeLead(QUIET, i + 1, quietAdmin), stage: 'new', lastContactAt: null, createdAt: plus(FROM, -30 * 1440 + i) }));
const quietTicket = { ...makeTicket(QUIET, 1, quietAdmin), createdAt: plus(FROM, -20 * 1440), firstResponseDueAt: plus(FROM, -20 * 1440 + 60), resolutionDueAt: plus(FROM, -19 * 1440), claimedAt: null, resolvedAt: null, status: 'open' };
const quietRows = { move: makeMove(QUIET, quietLeads[0], plus(FROM, -10 * 1440)), interaction: makeInteraction(QUIET, quietAdmin, plus(FROM, -1)) };

/** Per-currency totals of the leads' values (nulls left out), sorted by currency. */
function sums(rows: SeedLead[], weight: (l: SeedLead) => number = () => 1): Amount[] {
  const total = new Map<string, number>();
  for (const l of rows) if (l.value !== null) total.set(l.currency, (total.get(l.currency) ?? 0) + l.value * weight(l));
  return [...total].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}
function countBy<T>(rows: T[], key: (r: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}
const missed = (due: Date, done: Date | null) => !done || done > due;

/** What the digest should say, from the seed arrays; `scope` = owner ids, null for the whole workspace. */
function expectedFigures(scope: Types.ObjectId[] | null) {
  const mine = (id: unknown) => !scope || scope.some((s) => String(s) === String(id));
  const byId = new Map(leads.map((l) => [String(l._id), l]));
  const open = leads.filter((l) => OPEN.includes(l.stage) && mine(l.ownerId));
  const week = moves.filter((m) => inWindow(m.at) && mine(m.before.ownerId));
  const closed = (stage: string) => {
    const ids = new Set(week.filter((m) => m.after.stage === stage).map((m) => String(m.entityId)));
    return { count: ids.size, value: sums([...ids].map((id) => byId.get(id)!)) };
  };
  const stale = open.filter((l) => (l.lastContactAt ?? l.createdAt) < STALE_BEFORE);
  const nameOf = (id: string) => members.find((m) => String(m._id) === id)!.displayName;
  const figures = {
    window: { from: FROM, to: TO },
    newLeads: leads.filter((l) => inWindow(l.createdAt) && mine(l.ownerId)).length,
    moves: [...countBy(week, (m) => `${m.before.stage}>${m.after.stage}`)].sort(([a], [b]) => a.localeCompare(b)).map(([k, count]) => ({ from: k.split('>')[0], to: k.split('>')[1], count })),
    movesTotal: week.length,
    won: closed('won'),
    lost: closed('lost'),
    conversion: OPEN.map((stage) => {
      const exits = week.filter((m) => m.before.stage === stage);
      const forward = exits.filter((m) => m.after.stage === 'won' || OPEN.indexOf(m.after.stage) > OPEN.indexOf(stage));
      return { stage, forward: forward.length, exits: exits.length };
    }).filter((c) => c.exits > 0),
    pipeline: OPEN.map((stage) => ({ stage, count: open.filter((l) => l.stage === stage).length, value: sums(open.filter((l) => l.stage === stage)) })),
    stale: stale.length,
    interactions: [...countBy(interactions.filter((i) => inWindow(i.at) && mine(i.authorId)), (i) => nameOf(String(i.authorId)))]
      .map(([member, count]) => ({ member, count }))
      .sort((a, b) => a.member.localeCompare(b.member)),
    tickets: {
      opened: tickets.filter((t) => inWindow(t.createdAt)).length,
      resolved: tickets.filter((t) => inWindow(t.resolvedAt)).length,
      pastSla: tickets.filter((t) => (inWindow(t.firstResponseDueAt) && missed(t.firstResponseDueAt, t.claimedAt)) || (inWindow(t.resolutionDueAt) && missed(t.resolutionDueAt, t.resolvedAt))).length,
    },
    completeness: {
      total: open.length,
      contact: open.filter((l) => l.phones.length || l.emails.length).length,
      company: open.filter((l) => l.company !== '').length,
      source: open.filter((l) => l.source !== '').length,
      value: open.filter((l) => l.value !== null).length,
    },
  };
  const weighted = sums(open, (l) => (OPEN.indexOf(l.stage) + 1) / (OPEN.length + 1)).map((a) => ({ ...a, amount: round2(a.amount) }));
  return { figures, weighted, stale, week };
}

/** The figures in a fixed order (amounts by currency, moves by pair, people by name), without the weighted amounts. */
function normalise(f: DigestFigures) {
  const byCurrency = (xs: Amount[]) => [...xs].sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    ...f,
    weighted: undefined,
    moves: [...f.moves].sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)),
    won: { ...f.won, value: byCurrency(f.won.value) },
    lost: { ...f.lost, value: byCurrency(f.lost.value) },
    pipeline: f.pipeline.map((p) => ({ ...p, value: byCurrency(p.value) })),
    stale: f.stale.total,
    interactions: [...f.interactions].sort((a, b) => a.member.localeCompare(b.member)),
  };
}

type WorkspaceEntity = NonNullable<Awaited<ReturnType<typeof workspacesRepo.byId>>>;
let acme: WorkspaceEntity;
let quiet: WorkspaceEntity;
const kick = jest.fn();
const deps: JobDeps = { config: { DEFAULT_LOCALE: 'en' }, logger: createLogger('silent'), kick };

beforeAll(async () => {
  const settings = { locale: 'en', timezone: 'Asia/Shanghai', phoneRegion: 'CN' };
  await insertHistory({
    workspaces: [
      { _id: ACME, platform: 'sandbox', externalId: 'w1', name: 'Acme', settings: { ...settings, digest: { channels: [{ team: 'east', channel: 'C_EAST' }] } } },
      { _id: QUIET, platform: 'sandbox', externalId: 'w2', name: 'Quiet Co', settings },
    ],
    members: [...members, quietAdmin],
    // With the bucket fields the current version writes beside each date (the reconcile job below
    // adds the rest: the maintained lead totals).
    leads: [...leads, ...noise.leads, ...quietLeads].map((l) => ({ ...l, ...leadBuckets(l) })),
    auditevents: [...moves, ...noise.events, quietRows.move].map((e) => ({ ...e, day: dayOf(e.at) })),
    interactions: [...interactions, ...noise.interactions, quietRows.interaction].map((i) => ({ ...i, day: dayOf(i.at) })),
    tickets: [...tickets, ...noise.tickets, quietTicket].map((t) => ({ ...t, ...ticketBuckets(t) })),
  });
  // Read back through the repository: what the schema fills in for a workspace never configured.
  acme = (await workspacesRepo.byId(ACME))!;
  quiet = (await workspacesRepo.byId(QUIET))!;
  // History written behind the app's back gets its summaries from the reconcile job, as in production.
  for (const ws of [acme, quiet]) await reconcileSummaries(ws);
});

describe('the seeded data and a quiet week', () => {
  it('should be fed a data set that exercises every definition', () => {
    const { figures: f, week, stale } = expectedFigures(null);
    expect(f.won.count).toBeGreaterThan(1);
    expect(f.lost.count).toBeGreaterThan(1);
    expect(week.some((m) => OPEN.indexOf(m.after.stage) >= 0 && OPEN.indexOf(m.after.stage) < OPEN.indexOf(m.before.stage))).toBe(true); // backward
    expect(week.some((m) => m.after.stage === 'won' && leads.find((l) => l._id.equals(m.entityId))!.value === null)).toBe(true);
    expect(week.some((m) => !m.before.ownerId.equals(leads.find((l) => l._id.equals(m.entityId))!.ownerId))).toBe(true); // changed hands
    expect(stale.length).toBeGreaterThan(STALE_SHOWN);
    expect(f.tickets.pastSla).toBeGreaterThan(0);
    expect(f.tickets.pastSla).toBeLessThan(tickets.filter((t) => inWindow(t.firstResponseDueAt) || inWindow(t.resolutionDueAt)).length); // some met
  });

  it('should give a one-line card for a week without activity', async () => {
    const f = await pipelineFigures(quiet, undefined, { from: FROM, to: TO });
    expect(f.pipeline[0].count).toBe(quietLeads.length); // the open pipeline is not activity
    const card: Card = digestCard(channelCtx(deps, quiet, TO), f, 'Quiet Co');
    expect(Object.keys(card).sort()).toEqual(['text', 'title']);
    expect(card.text).toBe(en['digest.quiet']);
    expect(card.title).toContain('Quiet Co');
  });
});

describe.each([
  ['the whole workspace', ''],
  ['team east', 'east'],
  ['team west', 'west'],
])('pipeline figures for %s', (_, team) => {
  let f: DigestFigures;
  let want: ReturnType<typeof expectedFigures>;
  beforeAll(async () => {
    const ownerIds = team ? teamIds(team) : undefined;
    f = await pipelineFigures(acme, ownerIds, { from: FROM, to: TO });
    want = expectedFigures(ownerIds ?? null);
  });

  it('should count the week (new leads, moves, won and lost, conversion, interactions, tickets), stale and complete leads as the database holds them', () => {
    expect({ ...normalise(f), pipeline: null }).toEqual({ ...want.figures, pipeline: null });
    expect(f.interactions.map((i) => i.count)).toEqual([...f.interactions.map((i) => i.count)].sort((a, b) => b - a)); // most active first
  });

  it('should count and sum the open pipeline per stage and currency', () => {
    expect(normalise(f).pipeline).toEqual(want.figures.pipeline);
  });

  it('should weigh the open pipeline by stage', () => {
    expect(f.weighted.map((w) => w.currency).sort()).toEqual(want.weighted.map((w) => w.currency));
    for (const w of want.weighted) expect(f.weighted.find((a) => a.currency === w.currency)!.amount).toBeCloseTo(w.amount, 2);
  });

  it('should show the first stale leads with their owners', () => {
    expect(f.stale.leads).toHaveLength(Math.min(STALE_SHOWN, want.stale.length));
    for (const s of f.stale.leads) {
      const lead = want.stale.find((l) => l.seq === s.seq);
      expect(lead && { company: lead.company, owner: members.find((m) => m._id.equals(lead.ownerId))!.displayName }).toEqual({ company: s.company, owner: s.owner });
    }
  });
});

describe('the weekly digest job', () => {
  const week = TO.toISOString();
  const acmeItems = async () => (await outboxRepo.list(ACME)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const queuedCount = async () => (await outbox()).length;

  it('should queue nothing just before the slot when the previous slot is more than a day old', async () => {
    expect(await runWeeklyDigest(deps, plus(TO, -1))).toEqual({ queued: 0 });
    expect(await queuedCount()).toBe(0);
    expect(kick).not.toHaveBeenCalled();
  });

  it("should queue one digest per team: east's to its channel, west's to its manager, the team-less one to the admins", async () => {
    const { queued } = await runWeeklyDigest(deps, TO);
    const items = await acmeItems();
    expect(items.map((i) => [i.key, i.kind, i.to])).toEqual([
      [`digest::${week}:${admin._id}`, 'dm', 'UADM'],
      [`digest:east:${week}`, 'channel', 'C_EAST'],
      [`digest:west:${week}:${walt._id}`, 'dm', 'UWM'],
    ]);
    expect(queued).toBe(await queuedCount()); // Acme's three and Quiet Co's one
    expect(kick).toHaveBeenCalledTimes(1);
    const east = (items[1].cards as Card[])[0];
    const want = expectedFigures(teamIds('east')).figures;
    expect(east.fields?.slice(0, 2)).toEqual([
      { label: en['digest.field.new'], value: String(want.newLeads) },
      { label: en['digest.field.moves'], value: String(want.movesTotal) },
    ]);
  });

  it('should queue nothing new when run again at the slot or a minute later', async () => {
    const before = await queuedCount();
    expect(await runWeeklyDigest(deps, TO)).toEqual({ queued: 0 });
    expect(await runWeeklyDigest(deps, plus(TO, 1))).toEqual({ queued: 0 });
    expect(await queuedCount()).toBe(before);
    expect(kick).toHaveBeenCalledTimes(1);
  });
});
