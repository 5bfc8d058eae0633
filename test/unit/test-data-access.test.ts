import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Tests read the app's data through its repositories and use cases (test/helpers/app-data.ts) or
// through what a user sees, so a schema change breaks one repository, not every test. Writes behind
// the app's back (crash and legacy states) live in test/helpers/raw-db.ts only.

const TEST = path.resolve(__dirname, '..');
const RAW = path.join(TEST, 'helpers', 'raw-db.ts');
const DB = path.join(TEST, 'helpers', 'db.ts');

function listTs(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.isFile() && e.name.endsWith('.ts') ? [full] : [];
  });
}

const files = listTs(TEST).filter((f) => f !== __filename);
const rel = (f: string) => path.relative(TEST, f);

describe('how tests reach the database', () => {
  it('should import no mongoose model anywhere under test/', () => {
    const offenders = files.flatMap((f) =>
      ts
        .preProcessFile(readFileSync(f, 'utf8'), true, true)
        .importedFiles.map((i) => i.fileName)
        .filter((spec) => spec.endsWith('.model'))
        .map((spec) => `${rel(f)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('should use the raw driver only in test/helpers/raw-db.ts (and the connection in test/helpers/db.ts)', () => {
    const raw = /mongoose\.connection|\.collection\(|\.collections\(\)/;
    const offenders = files.filter((f) => f !== RAW && f !== DB && raw.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });
});
