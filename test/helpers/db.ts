import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
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

/** Connects mongoose to a fresh database (with FerretDB's pushdown indexes) for this test file and drops it afterwards. */
export function useTestDb(): { dbName: string } {
  const state = { dbName: `t_${randomBytes(5).toString('hex')}` };
  beforeAll(async () => {
    await connectDb(testDbUri(), state.dbName, { postgresqlUrl: testPostgresqlUrl() });
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await disconnectDb();
  });
  return state;
}
