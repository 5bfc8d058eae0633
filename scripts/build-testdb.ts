// Builds (once per source hash) the FerretDB helper used by tests and `npm start`; prints its path.
import { ensureTestDbBinary } from '../src/platform/db/testdb-binary';

const bin = ensureTestDbBinary((out) => process.stderr.write(`building ${out} with go build…\n`));
process.stdout.write(`${bin}\n`);
