import { Types } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { createLogger } from '../../src/platform/logger';
import { runFollowUps } from '../../src/modules/follow-ups/follow-up.jobs';
import { runGoneQuiet } from '../../src/modules/follow-ups/gone-quiet.jobs';
import { runTicketSla } from '../../src/modules/follow-ups/ticket-sla.jobs';
import { runWeeklyDigest } from '../../src/modules/digest/weekly-digest.jobs';
import type { JobDeps } from '../../src/modules/workspaces/job-deps';
import { monitorCommands, useTestDb } from '../helpers/db';
import { onlyEqualitiesPushDown } from '../../src/platform/db/engine';
import { buttons, click, slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';

// Every query that /lead add (its duplicate check and key reservation), /lead show, /lead find <phone>,
// a Move click, /pipeline, the digest and the job sweeps send to the leads, their identity keys,
// tickets, interactions and audit events must be one the database answers
// through an index: FerretDB must push its filter down to the backend with at least one selective
// equality besides the workspace (it evaluates ranges, `$in`, `$or` and nested paths over every
// document that part returns), and a real MongoDB (MONGODB_URI) must plan an index scan (there the
// duplicate check's one `$in` on the multikey blockKeys index is such a query).

const state = useTestDb();
const WATCHED = new Set(['leads', 'leadkeys', 'tickets', 'interactions', 'auditevents']);
const deps: JobDeps = { config: { DEFAULT_LOCALE: 'en' }, logger: createLogger('silent'), kick: () => undefined };
let svc: TestService;
let seen: CommandStartedEvent[] = [];
let explainWith: Awaited<ReturnType<typeof monitorCommands>>;
const record = (e: CommandStartedEvent) => {
  if (['find', 'aggregate', 'count'].includes(e.commandName) && WATCHED.has(String(e.command[e.commandName]))) seen.push(e);
};

async function say(command: string, text: string): Promise<SlackMessage> {
  const r = await slash(svc, command, text);
  if (r.body && Object.keys(r.body).length) return r.body;
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return svc.slack.responses(r.responseId)[0].body as SlackMessage;
}

/** The filter a command sends (a find's filter, a count's query, an aggregation's first $match). */
function filterOf(e: CommandStartedEvent): Record<string, unknown> {
  const c = e.command;
  if (e.commandName === 'find') return (c.filter ?? {}) as Record<string, unknown>;
  if (e.commandName === 'count') return (c.query ?? {}) as Record<string, unknown>;
  const first = ((c.pipeline ?? []) as Record<string, unknown>[])[0];
  return ((first && first.$match) ?? {}) as Record<string, unknown>;
}

/** A top-level `field: scalar` besides workspaceId: what FerretDB narrows the rows with (MongoDB: an `$in` too). */
function selectiveKeys(filter: Record<string, unknown>): string[] {
  const scalar = (v: unknown) => v !== null && (typeof v !== 'object' || v instanceof Date || v instanceof Types.ObjectId);
  const within = (v: unknown) => !onlyEqualitiesPushDown() && typeof v === 'object' && v !== null && Array.isArray((v as { $in?: unknown }).$in);
  return Object.keys(filter).filter((k) => k !== 'workspaceId' && !k.startsWith('$') && !k.includes('.') && (scalar(filter[k]) || within(filter[k])));
}

const leadFinds = () => seen.filter((e) => e.commandName === 'find' && e.command.find === 'leads').map(filterOf);

async function explain(e: CommandStartedEvent): Promise<Record<string, unknown>> {
  const c = e.command;
  const coll = c[e.commandName];
  const cmd = e.commandName === 'find' ? { find: coll, filter: c.filter ?? {}, ...(c.sort ? { sort: c.sort } : {}) }
    : e.commandName === 'count' ? { count: coll, query: c.query ?? {} }
    : { aggregate: coll, pipeline: c.pipeline, cursor: {} };
  return explainWith(cmd, String(c.$db));
}

beforeAll(async () => {
  // Reconnected with command monitoring on (the driver reports each command it sends).
  explainWith = await monitorCommands(state.dbName, record);
  svc = await startService();
  for (let i = 0; i < 3; i++) await say('/lead', `add Shape Co ${i}; Person ${i}; +86 138 0000 000${i}; value: 5万`);
  await say('/log', 'L-1 call talked about prices');
  await say('/ticket', 'new L-1 Invoice is wrong');
  seen = [];
  // The duplicate check: a repeat of L-2's phone (caught, its key held by L-2) and a new lead.
  await say('/lead', 'add Shape Company 1; Person 1; +86 138 0000 0001');
  await say('/lead', 'add Form Works; Lu Qing; lu@form.test; +86 137 0000 0009');
  const card = await say('/lead', 'show L-2');
  await say('/lead', 'find +86 138 0000 0001');
  const next = buttons(card).find((b) => /advance|next|stage/i.test(b.actionId));
  if (next) {
    const r = await click(svc, next);
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  }
  await say('/pipeline', '');
  const later = new Date(Date.now() + 30 * 86_400_000);
  await runFollowUps(deps, later, { anyHour: true });
  await runGoneQuiet(deps, later, { anyHour: true });
  await runTicketSla(deps, later);
  await runWeeklyDigest(deps, new Date(), { now: true });
}, 120_000);

afterAll(async () => {
  await svc?.close();
});

describe('query shapes', () => {
  it('should have watched the commands, cards and jobs query the leads, tickets, interactions and audit events', () => {
    const colls = new Set(seen.map((e) => String(e.command[e.commandName])));
    expect([...colls].sort()).toEqual(['auditevents', 'interactions', 'leadkeys', 'leads', 'tickets']);
    expect(visibleText).toBeDefined();
  });

  it('should look the duplicate candidates up by their blocking keys: one equality per key (FerretDB) or one $in (MongoDB)', () => {
    const lookups = leadFinds().filter((f) => 'blockKeys' in f);
    // Two adds, each with a phone, a company core and its prefix, a contact key (and the e-mail, the domain).
    expect(lookups.length).toBeGreaterThanOrEqual(onlyEqualitiesPushDown() ? 8 : 2);
    for (const f of lookups) expect(typeof f.blockKeys === 'string' ? 'equality' : '$in').toBe(onlyEqualitiesPushDown() ? 'equality' : '$in');
    expect(lookups.map((f) => f.blockKeys).flat()).toEqual(expect.arrayContaining(['p:+8613800000001', 'e:lu@form.test', 'd:form.test', 'c:formworks']));
  });

  it('should filter each query by an equality the database narrows the rows with, besides the workspace', () => {
    const loose = seen.filter((e) => !selectiveKeys(filterOf(e)).length).map((e) => `${e.commandName} ${String(e.command[e.commandName])} ${JSON.stringify(filterOf(e))}`);
    expect([...new Set(loose)]).toEqual([]);
  });

  it('should have each filter pushed down (FerretDB) or planned on an index (MongoDB)', async () => {
    const shapes = new Map<string, CommandStartedEvent>();
    for (const e of seen) shapes.set(`${e.commandName} ${String(e.command[e.commandName])} ${Object.keys(filterOf(e)).sort().join(',')}`, e);
    const bad: string[] = [];
    for (const [shape, e] of shapes) {
      const plan = await explain(e);
      if ('filterPushdown' in plan) {
        // FerretDB on PostgreSQL (its plan is PostgreSQL's); its SQLite backend pushes no filter down at all.
        const onPostgres = JSON.stringify(plan.queryPlanner ?? {}).includes('"Node Type"');
        if (onPostgres && plan.filterPushdown !== true) bad.push(`${shape}: not pushed down`);
      } else if (JSON.stringify(plan.queryPlanner ?? plan).includes('COLLSCAN')) {
        bad.push(`${shape}: COLLSCAN`);
      }
    }
    expect(bad).toEqual([]);
  });
});
