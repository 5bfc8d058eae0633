import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ensureTestDbBinary, hasGo, testDbBinaryPath } from './testdb-binary';

export interface EmbeddedDb {
  uri: string;
  kind: 'ferretdb' | 'mongod';
  stop(): Promise<void>;
}

export interface FerretOptions {
  dataDir: string;
  listen?: string;
  onBuild?: (binary: string) => void;
}

/** Starts the FerretDB helper (SQLite in `dataDir`) and resolves with its mongodb:// URI. */
export async function startFerretDb(opts: FerretOptions): Promise<EmbeddedDb & { child: ChildProcess }> {
  const bin = ensureTestDbBinary(opts.onBuild);
  mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn(bin, ['-data', path.resolve(opts.dataDir), '-listen', opts.listen ?? '127.0.0.1:0', '-exit-on-stdin-eof'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const uri = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`FerretDB exited with ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { uri, kind: 'ferretdb', child, stop };
}

async function startMongod(dataDir: string): Promise<EmbeddedDb> {
  // Loaded lazily: only machines that can download a mongod binary use it.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.resolve(dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  return { uri: server.getUri(), kind: 'mongod', stop: async () => void (await server.stop({ doCleanup: false })) };
}

/**
 * The database `npm start` uses when MONGODB_URI is not set: FerretDB where the Go toolchain (or a
 * built helper) is present, otherwise a real mongod downloaded by mongodb-memory-server.
 */
export async function startEmbeddedDb(mode: 'auto' | 'ferretdb' | 'mongod', dataDir: string, onBuild?: (binary: string) => void): Promise<EmbeddedDb> {
  const ferretAvailable = existsSync(testDbBinaryPath()) || hasGo();
  if (mode === 'ferretdb' || (mode === 'auto' && ferretAvailable)) {
    return startFerretDb({ dataDir: path.join(dataDir, 'ferretdb'), onBuild });
  }
  return startMongod(dataDir);
}
