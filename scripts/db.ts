// `npm run db`: the embedded database in the foreground: FerretDB over the embedded PostgreSQL.
// The first line printed is its mongodb:// URI, the second the PostgreSQL URL (Unix socket).
// Flags: --data <dir> (default ./data; PostgreSQL's cluster goes to <dir>/postgres),
// --listen <host:port> (default 127.0.0.1:27017), --sqlite (the older SQLite backend, no indexes).
import { startFerretDb } from '../src/platform/db/embedded-db';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const db = await startFerretDb({
    dataDir: arg('data', './data'),
    listen: arg('listen', '127.0.0.1:27017'),
    backend: process.argv.includes('--sqlite') ? 'sqlite' : 'postgresql',
    onBuild: (bin) => process.stderr.write(`building ${bin} with go build…\n`),
  });
  process.stdout.write(`${db.uri}\n${db.postgresqlUrl ?? '-'}\n`);
  process.stderr.write('FerretDB is running; Ctrl-C stops it.\n');
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  db.child.once('exit', (code) => process.exit(code ?? 1));
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
