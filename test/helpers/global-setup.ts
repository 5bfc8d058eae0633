import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../../src/platform/db/embedded-db';

// Starts one real MongoDB-protocol server (FerretDB over TCP) for the run, unless MONGODB_URI is
// given; each test file then uses its own database on it (see db.ts).
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatcrm-test-db-'));
  const db = await startFerretDb({ dataDir, onBuild: (bin) => process.stderr.write(`\nbuilding ${bin}…\n`) });
  process.env.TEST_MONGODB_URI = db.uri;
  (globalThis as { __TEST_DB__?: typeof db }).__TEST_DB__ = db;
}
