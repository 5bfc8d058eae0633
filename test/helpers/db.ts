import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import ConnectionString from 'mongodb-connection-string-url';
import { connectDb, disconnectDb } from '../../src/platform/db/connection';

export function testDbUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through jest (global set-up starts the database)');
  return uri;
}

/**
 * Connects mongoose to a fresh database for this test file and drops it afterwards. With
 * `monitorCommands` the driver reports every command it sends (see `recordCommands`).
 */
export function useTestDb(opts: { monitorCommands?: boolean } = {}): { dbName: string } {
  const state = { dbName: `t_${randomBytes(5).toString('hex')}` };
  beforeAll(async () => {
    const uri = new ConnectionString(testDbUri());
    if (opts.monitorCommands) uri.searchParams.set('monitorCommands', 'true');
    await connectDb(uri.toString(), state.dbName);
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

/**
 * Records every application command sent while `run` runs (needs `useTestDb({ monitorCommands: true })`),
 * except those on `ignore`d collections (background loops such as the outbox sender or agenda).
 */
export async function recordCommands(run: () => Promise<unknown>, ignore: RegExp = /^(outbox|outboxattempts|agendaJobs)$/): Promise<SentCommand[]> {
  const sent: SentCommand[] = [];
  const client = mongoose.connection.getClient();
  const listener = (e: { commandName: string; command: Record<string, unknown> }) => {
    if (DRIVER_ONLY.has(e.commandName)) return;
    // Writes the app makes after the answer (the audit writer) say so in their comment.
    if (String(e.command.comment ?? '').startsWith('background')) return;
    const collection = String(e.command[e.commandName] ?? '');
    if (ignore.test(collection)) return;
    sent.push({ name: e.commandName, collection });
  };
  client.on('commandStarted', listener);
  try {
    await run();
  } finally {
    client.off('commandStarted', listener);
  }
  return sent;
}
