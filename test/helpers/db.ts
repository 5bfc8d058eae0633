import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import ConnectionString from 'mongodb-connection-string-url';
import { connectDb, disconnectDb } from '../../src/platform/db/connection';

export function testDbUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through jest (global set-up starts the database)');
  return uri;
}

/** The PostgreSQL under the test FerretDB (undefined when the tests run on a MONGODB_URI without one). */
export function testPostgresqlUrl(): string | undefined {
  return process.env.TEST_POSTGRESQL_URL;
}

/**
 * Connects mongoose to a fresh database (with FerretDB's pushdown indexes) for this test file and drops
 * it afterwards. With `monitorCommands` the driver reports every command it sends (see `recordCommands`).
 */
export function useTestDb(opts: { monitorCommands?: boolean } = {}): { dbName: string } {
  const state = { dbName: `t_${randomBytes(5).toString('hex')}` };
  beforeAll(async () => {
    const uri = new ConnectionString(testDbUri());
    if (opts.monitorCommands) uri.searchParams.set('monitorCommands', 'true');
    await connectDb(uri.toString(), state.dbName, { postgresqlUrl: testPostgresqlUrl() });
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDb();
  });
  return state;
}

/** What the driver sent: the command's name and the collection it names (e.g. `insert leads`). */
export interface SentCommand {
  name: string;
  collection: string;
}

// The driver's own traffic (handshakes, heartbeats, sessions), not the application's round trips.
const DRIVER_ONLY = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'saslStart', 'saslContinue', 'endSessions', 'buildInfo', 'buildinfo', 'getParameter']);

/** What one request sent, as commands and as round trips (see `recordCommands`). */
export interface SentTraffic {
  commands: SentCommand[];
  /** The commands grouped by round trip, in order. */
  roundTrips: SentCommand[][];
}

type Monitored = { commandName: string; requestId: number; command?: Record<string, unknown> };

/**
 * Records every application command sent while `run` runs (needs `useTestDb({ monitorCommands: true })`),
 * except those on `ignore`d collections (background loops such as the outbox sender or agenda) and the
 * writes made after the answer (their comment starts with `background`).
 *
 * A round trip is one wait on the database: a command started while an earlier recorded command had
 * not yet completed (its commandStarted before that one's commandSucceeded/commandFailed) belongs to
 * the same round trip as that one; a command started when none is in flight begins the next. So
 * queries sent side by side (Promise.all) count once, queries sent one after another once each.
 */
export async function recordCommands(run: () => Promise<unknown>, ignore: RegExp = /^(outbox|outboxattempts|agendaJobs)$/): Promise<SentTraffic> {
  const traffic: SentTraffic = { commands: [], roundTrips: [] };
  const inFlight = new Set<number>();
  const client = mongoose.connection.getClient();
  const started = (e: Monitored & { command: Record<string, unknown> }) => {
    if (DRIVER_ONLY.has(e.commandName)) return;
    if (String(e.command.comment ?? '').startsWith('background')) return;
    const collection = String(e.command[e.commandName] ?? '');
    if (ignore.test(collection)) return;
    const sent = { name: e.commandName, collection };
    if (!inFlight.size) traffic.roundTrips.push([]);
    inFlight.add(e.requestId);
    traffic.roundTrips[traffic.roundTrips.length - 1].push(sent);
    traffic.commands.push(sent);
  };
  const ended = (e: Monitored) => inFlight.delete(e.requestId);
  client.on('commandStarted', started);
  client.on('commandSucceeded', ended);
  client.on('commandFailed', ended);
  try {
    await run();
  } finally {
    client.off('commandStarted', started);
    client.off('commandSucceeded', ended);
    client.off('commandFailed', ended);
  }
  return traffic;
}

/**
 * Reconnects this test file's database with the driver's command monitoring on and calls `onCommand`
 * for each command it sends (query-shape tests); returns a function that explains such a command.
 */
export async function monitorCommands(dbName: string, onCommand: (e: import('mongodb').CommandStartedEvent) => void) {
  await mongoose.disconnect();
  await mongoose.connect(testDbUri(), { dbName, monitorCommands: true, serverSelectionTimeoutMS: 2000 });
  mongoose.connection.getClient().on('commandStarted', onCommand);
  return (cmd: Record<string, unknown>, db: string): Promise<Record<string, unknown>> => mongoose.connection.getClient().db(db).command({ explain: cmd, verbosity: 'queryPlanner' });
}
