import mongoose from 'mongoose';
import { ensurePushdownIndexes } from './pg-pushdown';
import { detectDbEngine } from './engine';

export interface ConnectOptions {
  /** The PostgreSQL under FerretDB: its pushdown indexes are made after the models' own. */
  postgresqlUrl?: string;
}

export async function connectDb(uri: string, dbName: string, opts: ConnectOptions = {}): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Fail fast instead of buffering, so a user hears "try again" within Slack's deadline when the
  // database is away; the driver reconnects by itself when it returns.
  mongoose.set('bufferCommands', false);
  const m = await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 2000, heartbeatFrequencyMS: 1000 });
  // The repos shape their queries for the engine (FerretDB pushes down top-level equalities only).
  await detectDbEngine(m.connection.db!);
  // init() creates each model's collection and indexes, so the pushdown below finds every table.
  await Promise.all(Object.values(m.models).map((model) => model.init()));
  if (opts.postgresqlUrl) await ensurePushdownIndexes(opts.postgresqlUrl, dbName, m);
  return m;
}

/** True when the database answers a ping within `timeoutMs`. */
export async function pingDb(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  try {
    await Promise.race([
      db.admin().command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function disconnectDb(): Promise<void> {
  await mongoose.disconnect();
}
