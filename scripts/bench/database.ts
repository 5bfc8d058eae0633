// The one database every server under test uses: MONGODB_URI when set, else the embedded database the
// product itself would start (a fresh data directory, removed afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDb } from '../../src/platform/db/embedded-db';
import { connectRaw } from './raw-driver';

export interface BenchDb {
  uri: string;
  /** Where it came from, for the report header. */
  label: string;
  /** Drops the run's database (when it lives on a server that stays) and stops what was started. */
  close(dbName: string): Promise<void>;
}

const redact = (uri: string) => uri.replace(/\/\/[^@/]*@/, '//***@');

export async function openBenchDb(log: (line: string) => void): Promise<BenchDb> {
  const given = process.env.MONGODB_URI;
  if (given) {
    return {
      uri: given,
      label: `MONGODB_URI ${redact(given)}`,
      close: async (dbName) => {
        if (process.env.BENCH_KEEP_DB) return;
        const { client, db } = await connectRaw(given, dbName);
        await db.dropDatabase().finally(() => client.close());
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'chatcrm-bench-'));
  const embedded = await startEmbeddedDb('auto', dir, (bin) => log(`building the embedded database helper once: ${bin}`));
  // The PostgreSQL-backed helper says so (postgresqlUrl); the SQLite one does not.
  const backend = 'postgresqlUrl' in embedded && embedded.postgresqlUrl ? ' on PostgreSQL' : '';
  return {
    uri: embedded.uri,
    label: `embedded ${embedded.kind}${backend} (a fresh data directory, as \`npm start\` starts it)`,
    close: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** "MongoDB 7.0.14" or "FerretDB v1.24.2, reports MongoDB 7.0.42", from buildInfo. */
export async function describeServer(uri: string): Promise<string> {
  const { client, db } = await connectRaw(uri, 'admin');
  try {
    const info = (await db.command({ buildInfo: 1 })) as { version?: string; ferretdbVersion?: string; ferretdb?: { version?: string } };
    const ferret = info.ferretdbVersion ?? info.ferretdb?.version;
    if (!ferret) return `MongoDB ${info.version}`;
    return `${ferret === 'unknown' ? 'FerretDB (no version in buildInfo)' : `FerretDB ${ferret}`}, reports MongoDB ${info.version}`;
  } catch (err) {
    return `unknown server (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.close();
  }
}
