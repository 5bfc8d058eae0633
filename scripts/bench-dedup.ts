import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blockKeysOf, duplicateEngine, type MatchSubject } from '../src/modules/matching';
import { inputSubject, parseLeadText } from '../src/modules/leads';

// `npm run bench:dedup`: the duplicate engine on test/fixtures/dedup-dataset.json. Every text is read
// as `/lead add` reads it (parseLeadText); the customers are the stored records, found through the
// engine's own blocking keys from an in-memory index (what the one `$in` query returns from the
// database), and scored by the engine. Prints recall per re-entry kind, false alarms per look-alike
// kind, and overall recall and precision. The database path is covered by test/integration/duplicates*.

interface Row { kind: string; text: string; of: number }
interface Dataset { customers: { id: number; text: string }[]; reentries: Row[]; lookalikes: Row[] }

const data = JSON.parse(readFileSync(path.resolve(__dirname, '../test/fixtures/dedup-dataset.json'), 'utf8')) as Dataset;
const verbose = process.argv.includes('--verbose');

function subjectOf(text: string): MatchSubject {
  const { input, issues } = parseLeadText(text, { region: 'CN', timeZone: 'Asia/Shanghai' });
  if (!input) throw new Error(`dataset row does not parse: ${text} (${issues.map((i) => i.key).join(', ')})`);
  return inputSubject(input);
}

type Stored = MatchSubject & { id: number };
const stored: Stored[] = data.customers.map((c) => ({ id: c.id, ...subjectOf(c.text) }));
const byKey = new Map<string, Stored[]>();
for (const s of stored) for (const k of blockKeysOf(s)) byKey.set(k, [...(byKey.get(k) ?? []), s]);
const engine = duplicateEngine<Stored>({
  candidatesFor: async (_ws, keys, limit) => [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))].sort((a, b) => a.id - b.id).slice(0, limit),
  subjectOf: (s) => s,
});

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const tally = new Map<string, { n: number; flagged: number; same: number; wrong: number }>();
const count = (kind: string) => tally.get(kind) ?? (tally.set(kind, { n: 0, flagged: 0, same: 0, wrong: 0 }), tally.get(kind)!);

async function run(rows: Row[], isDuplicate: boolean) {
  const ws = undefined as never;
  for (const row of rows) {
    const check = await engine.check(ws, subjectOf(row.text));
    const t = count(row.kind);
    t.n++;
    const hit = check.matches.some((m) => m.candidate.id === row.of);
    const flagged = check.verdict !== 'new';
    if (flagged && (!isDuplicate || hit)) t.flagged++;
    if (check.verdict === 'same' && (!isDuplicate || check.matches[0].candidate.id === row.of)) t.same++;
    // A re-entry flagged only against other customers is a false alarm too.
    if (isDuplicate && flagged && !hit) t.wrong++;
    if (verbose && (isDuplicate ? !hit : flagged)) {
      process.stdout.write(`  ${isDuplicate ? 'MISSED' : 'FALSE '} ${row.kind}: ${row.text} -> ${check.verdict} ${check.matches.map((m) => `#${m.candidate.id}(${m.reasons.join('+')})`).join(' ')} of #${row.of} ${data.customers[row.of - 1].text}\n`);
    }
  }
}

async function main() {
  await run(data.reentries, true);
  const dupKinds = [...new Set(data.reentries.map((r) => r.kind))].sort();
  const lookKinds = [...new Set(data.lookalikes.map((r) => r.kind))].sort();
  await run(data.lookalikes, false);
  process.stdout.write(`dataset: ${data.customers.length} customers, ${data.reentries.length} re-entries, ${data.lookalikes.length} look-alikes\n\nre-entries (must be flagged against their customer)\n`);
  for (const k of dupKinds) {
    const t = count(k);
    process.stdout.write(`  ${k.padEnd(34)} ${String(t.n).padStart(4)}  recall ${pct(t.flagged, t.n).padStart(7)}  same ${pct(t.same, t.n).padStart(7)}\n`);
  }
  process.stdout.write('\nlook-alikes (must stay apart)\n');
  for (const k of lookKinds) {
    const t = count(k);
    process.stdout.write(`  ${k.padEnd(34)} ${String(t.n).padStart(4)}  false alarms ${String(t.flagged).padStart(3)}  kept apart ${pct(t.n - t.flagged, t.n).padStart(7)}\n`);
  }
  const sum = (kinds: string[], f: 'n' | 'flagged' | 'same' | 'wrong') => kinds.reduce((a, k) => a + count(k)[f], 0);
  const tp = sum(dupKinds, 'flagged');
  const fp = sum(lookKinds, 'flagged') + sum(dupKinds, 'wrong');
  process.stdout.write(`\nrecall ${pct(tp, data.reentries.length)} (${tp} of ${data.reentries.length}), precision ${pct(tp, tp + fp)} (${fp} false alarms), answered "same" ${pct(sum(dupKinds, 'same'), data.reentries.length)}\n`);
}

void main();
