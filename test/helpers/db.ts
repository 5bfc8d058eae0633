import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { connectDb, disconnectDb } from '../../src/platform/db/connection';

export function testDbUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through jest (global set-up starts the database)');
  return uri;
}

/** Connects mongoose to a fresh database for this test file and drops it afterwards. */
export function useTestDb(): { dbName: string } {
  const state = { dbName: `t_${randomBytes(5).toString('hex')}` };
  beforeAll(async () => {
    await connectDb(testDbUri(), state.dbName);
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDb();
  });
  return state;
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
