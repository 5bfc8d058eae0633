import type { Types } from 'mongoose';
import { contactKey } from './match-keys';
import { comparePair, profileOf, type MatchProfile, type MatchReason, type MatchSubject, type PairScore, type Verdict } from './match-score';

// The engine: blocking keys (cheap, stored and indexed on each record; the source finds the candidates
// holding any of them in one wait on the database: one `$in`, or one equality per key side by side),
// then scoring of the candidates. Storage belongs to the module that owns the records (leads): it hands
// the engine a CandidateSource, so this module depends on nothing but its own rules.

/** Most candidates scored for one input (the oldest records first); a block key this common says little. */
export const MAX_CANDIDATES = 50;
/** Rows whose candidates one query fetches in checkMany. */
export const BATCH_CHUNK = 500;

export interface CandidateSource<T> {
  /** Records (not deleted) holding any of `blockKeys`, at most `limit` (those sharing more keys, or older, first): one wait on the database for a record's keys. */
  candidatesFor(workspaceId: Types.ObjectId, blockKeys: string[], limit: number): Promise<T[]>;
  /** What of a record is compared (its phones as E.164 keys, its e-mails lower-cased). */
  subjectOf(record: T): MatchSubject;
}

export interface DuplicateMatch<T> {
  candidate: T;
  verdict: Exclude<Verdict, 'new'>;
  score: number;
  reasons: MatchReason[];
}

export interface DuplicateCheck<T> {
  verdict: Verdict;
  /** Best first; the first is the one a *same* answer shows. Empty for *new*. */
  matches: DuplicateMatch<T>[];
}

export interface BatchCheck<T> extends DuplicateCheck<T> {
  /** Earlier rows of the same batch this row duplicates (indexes into the inputs), best first. */
  inBatch: { row: number; verdict: Exclude<Verdict, 'new'>; reasons: MatchReason[] }[];
}

const prefixOf = (core: string) => [...core].slice(0, /\p{Script=Han}/u.test(core) ? 2 : 4).join('');

/**
 * The keys a record is found by: each phone (with its extension) and e-mail, the company e-mail
 * domain, the company core and its first characters, the contact's pinyin key. Stored on each record.
 */
export function blockKeysOf(s: MatchSubject): string[] {
  const p = profileOf(s);
  const keys = [...[...p.phones].map((x) => `p:${x}`), ...[...p.emails].map((x) => `e:${x}`), ...[...p.domains].map((x) => `d:${x}`)];
  if (p.core) keys.push(`c:${p.core}`, `cp:${prefixOf(p.core)}`);
  const contact = contactKey(s.contactName);
  if (contact) keys.push(`n:${contact}`);
  return [...new Set(keys)].sort();
}

function rank<T>(a: DuplicateMatch<T>, b: DuplicateMatch<T>): number {
  return (a.verdict === b.verdict ? 0 : a.verdict === 'same' ? -1 : 1) || b.score - a.score;
}

/** Scores `candidates` against the input: *same* if any is the same customer, *possible* if any may be. */
export function judge<T>(input: MatchSubject | MatchProfile, candidates: T[], subjectOf: (record: T) => MatchSubject): DuplicateCheck<T> {
  const mine = 'core' in input ? input : profileOf(input);
  const matches: DuplicateMatch<T>[] = [];
  for (const candidate of candidates) {
    const s: PairScore = comparePair(mine, profileOf(subjectOf(candidate)));
    if (s.verdict !== 'new') matches.push({ candidate, verdict: s.verdict, score: s.score, reasons: s.reasons });
  }
  matches.sort(rank);
  return { verdict: matches[0]?.verdict ?? 'new', matches };
}

export interface DuplicateEngine<T> {
  /** One input against the stored records: one wait on the database. */
  check(workspaceId: Types.ObjectId, input: MatchSubject): Promise<DuplicateCheck<T>>;
  /** Many inputs (an import): one candidate look-up per BATCH_CHUNK rows (the source bounds its parallel queries), plus duplicates among the rows themselves. */
  checkMany(workspaceId: Types.ObjectId, inputs: MatchSubject[]): Promise<BatchCheck<T>[]>;
}

export function duplicateEngine<T>(source: CandidateSource<T>): DuplicateEngine<T> {
  return {
    async check(workspaceId, input) {
      return judge(input, await source.candidatesFor(workspaceId, blockKeysOf(input), MAX_CANDIDATES), source.subjectOf);
    },
    async checkMany(workspaceId, inputs) {
      const keys = inputs.map(blockKeysOf);
      const out: BatchCheck<T>[] = [];
      for (let start = 0; start < inputs.length; start += BATCH_CHUNK) {
        const chunk = keys.slice(start, start + BATCH_CHUNK);
        const stored = await source.candidatesFor(workspaceId, [...new Set(chunk.flat())], Math.max(MAX_CANDIDATES, 20 * chunk.length));
        const byKey = indexByKey(stored, source.subjectOf);
        chunk.forEach((k, i) => out.push({ ...judge(inputs[start + i], candidatesOf(k, byKey), source.subjectOf), inBatch: [] }));
      }
      markWithinBatch(inputs, keys, out);
      return out;
    },
  };
}

function indexByKey<T>(records: T[], subjectOf: (record: T) => MatchSubject): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  for (const r of records) for (const k of blockKeysOf(subjectOf(r))) byKey.set(k, [...(byKey.get(k) ?? []), r]);
  return byKey;
}

function candidatesOf<T>(keys: string[], byKey: Map<string, T[]>): T[] {
  return [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))].slice(0, MAX_CANDIDATES);
}

/** Each row against the earlier rows sharing a block key with it. */
function markWithinBatch<T>(inputs: MatchSubject[], keys: string[][], out: BatchCheck<T>[]): void {
  const seen = new Map<string, number[]>();
  const profiles = inputs.map(profileOf);
  keys.forEach((k, row) => {
    const earlier = [...new Set(k.flatMap((key) => seen.get(key) ?? []))].slice(0, MAX_CANDIDATES);
    for (const e of earlier) {
      const s = comparePair(profiles[row], profiles[e]);
      if (s.verdict !== 'new') out[row].inBatch.push({ row: e, verdict: s.verdict, reasons: s.reasons });
    }
    out[row].inBatch.sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'same' ? -1 : 1));
    for (const key of k) seen.set(key, [...(seen.get(key) ?? []), row]);
  });
}
