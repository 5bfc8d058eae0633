// `npm run db`: the FerretDB test database in the foreground; the first line printed is its URI.
// Flags: --data <dir> (default ./data/ferretdb), --listen <host:port> (default 127.0.0.1:27017).
import { startFerretDb } from '../src/platform/db/embedded-db';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const db = await startFerretDb({
    dataDir: arg('data', './data/ferretdb'),
    listen: arg('listen', '127.0.0.1:27017'),
    onBuild: (bin) => process.stderr.write(`building ${bin} with go build…\n`),
  });
  process.stdout.write(`${db.uri}\n`);
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
