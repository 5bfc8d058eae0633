import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

// The Go program in tools/testdb embeds FerretDB; its binary is cached outside the clone, keyed by
// the hash of its sources, so CI and `npm start` build it once per machine.
export const TESTDB_SRC = path.resolve(__dirname, '../../../tools/testdb');

function cacheDir(): string {
  return process.env.CHATCRM_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'chatcrm');
}

export function testDbBinaryPath(): string {
  const h = createHash('sha256');
  const sources = readdirSync(TESTDB_SRC).filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum').sort();
  for (const f of sources) h.update(f).update(readFileSync(path.join(TESTDB_SRC, f)));
  return path.join(cacheDir(), `testdb-${h.digest('hex').slice(0, 12)}`);
}

export function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Returns the cached binary, building it with `go build` first when it is missing. */
export function ensureTestDbBinary(onBuild?: (out: string) => void): string {
  const out = testDbBinaryPath();
  if (existsSync(out)) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  onBuild?.(out);
  const tmp = `${out}.tmp-${process.pid}`;
  execFileSync('go', ['build', '-o', tmp, '.'], { cwd: TESTDB_SRC, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('mv', ['-f', tmp, out]);
  return out;
}
