import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../../src/platform/db/embedded-db';

// Starts one real MongoDB-protocol server for the run (FerretDB over the embedded PostgreSQL, as
// `npm start` uses), unless MONGODB_URI is given (then FERRETDB_POSTGRESQL_URL, if it is a FerretDB
// over PostgreSQL); each test file then uses its own database (a PostgreSQL schema) on it (db.ts).
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    if (process.env.FERRETDB_POSTGRESQL_URL) process.env.TEST_POSTGRESQL_URL = process.env.FERRETDB_POSTGRESQL_URL;
    return;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatcrm-test-db-'));
  const db = await startFerretDb({ dataDir, durable: false, onBuild: (bin) => process.stderr.write(`\nbuilding ${bin}…\n`) });
  process.env.TEST_MONGODB_URI = db.uri;
  if (db.postgresqlUrl) process.env.TEST_POSTGRESQL_URL = db.postgresqlUrl;
  (globalThis as { __TEST_DB__?: typeof db; __TEST_DB_DIR__?: string }).__TEST_DB__ = db;
  (globalThis as { __TEST_DB_DIR__?: string }).__TEST_DB_DIR__ = dataDir;
}
