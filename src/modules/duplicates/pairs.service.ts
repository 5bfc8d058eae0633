import { Types } from 'mongoose';
import { leadDuplicates, leadPagesRepo, leadSubject, type LeadEntity } from '../leads';
import type { DuplicateMatch } from '../matching';
import { assertAdmin, visibleOwnerIds, wsId, type Actor } from '../workspaces';
import { auditRepo } from '../../platform/audit/audit.repo';
import { userError } from '../../platform/errors';
import { pairsRepo, scansRepo, type FoundPair } from './pairs.repo';

// Likely duplicate pairs already in the workspace: recorded when a lead is created despite a warning
// ("Create anyway") and by the scan job; listed by `/crm duplicates` within the reader's access.

/** Pairs `/crm duplicates` shows; the rest are counted ("and N more"). */
export const SHOWN_PAIRS = 10;
/** Open pairs one listing reads at most (best first); past this the count says "at least". */
export const READ_PAIRS = 300;

const ordered = (x: Types.ObjectId, y: Types.ObjectId): [Types.ObjectId, Types.ObjectId] => (x.toHexString() < y.toHexString() ? [x, y] : [y, x]);

/** The pairs a lead makes with its matches (itself excluded), as stored. */
export function pairsOf(lead: Pick<LeadEntity, '_id'>, matches: DuplicateMatch<LeadEntity>[]): FoundPair[] {
  return matches
    .filter((m) => !m.candidate._id.equals(lead._id))
    .map((m) => {
      const [a, b] = ordered(lead._id, m.candidate._id);
      return { a, b, verdict: m.verdict, score: Math.round(m.score * 1000) / 1000, reasons: [...m.reasons] };
    });
}

/**
 * A lead was created despite a *same* or *possible* answer: the pairs it makes are recorded, so
 * managers find them in `/crm duplicates`. The engine is asked again (the lead is stored now).
 */
export async function recordCreatedAnyway(actor: Actor, lead: LeadEntity): Promise<void> {
  const check = await leadDuplicates.check(wsId(actor), leadSubject(lead));
  await pairsRepo.upsertOpen(wsId(actor), pairsOf(lead, check.matches), actor.now());
}

export function assertMayReview(actor: Actor): void {
  if (actor.member.role === 'rep') throw userError('forbidden', 'duplicates.managers_only');
}

export interface PairView {
  a: LeadEntity;
  b: LeadEntity;
  verdict: 'same' | 'possible';
  score: number;
  reasons: string[];
}

export interface PairList {
  pairs: PairView[];
  /** Visible pairs not shown. */
  more: number;
  /** More open pairs exist than one listing reads: `more` is a lower bound. */
  capped: boolean;
}

const gone = (l: LeadEntity | undefined) => !l || Boolean(l.deletedAt);
const rank = (x: PairView, y: PairView) => (x.verdict === y.verdict ? 0 : x.verdict === 'same' ? -1 : 1) || y.score - x.score;

/** The open pairs whose two leads the reader may see, best first; pairs with a lead gone are closed. */
export async function listDuplicates(actor: Actor): Promise<PairList> {
  assertMayReview(actor);
  const ws = wsId(actor);
  const [open, visible] = await Promise.all([pairsRepo.open(ws, READ_PAIRS), visibleOwnerIds(actor)]);
  const ids = [...new Map(open.flatMap((p) => [p.a, p.b]).map((id) => [id.toHexString(), id])).values()];
  const leads = new Map((await leadPagesRepo.byIds(ws, ids)).map((l) => [l._id.toHexString(), l]));
  const sees = (l: LeadEntity) => !visible || visible.some((id) => id.equals(l.ownerId));
  const shown: PairView[] = [];
  const closing: Promise<void>[] = [];
  for (const p of open) {
    const [a, b] = [leads.get(p.a.toHexString()), leads.get(p.b.toHexString())];
    if (gone(a) || gone(b)) {
      closing.push(pairsRepo.close(ws, p._id, a?.mergedInto || b?.mergedInto ? 'merged' : 'closed'));
      continue;
    }
    if (sees(a!) && sees(b!)) shown.push({ a: a!, b: b!, verdict: p.verdict as PairView['verdict'], score: p.score, reasons: p.reasons });
  }
  await Promise.all(closing);
  shown.sort(rank);
  return { pairs: shown.slice(0, SHOWN_PAIRS), more: Math.max(0, shown.length - SHOWN_PAIRS), capped: open.length >= READ_PAIRS };
}

/** "Not a duplicate" on a pair the reader may see: remembered for everyone, audited once. */
export async function dismissPair(actor: Actor, x: string, y: string): Promise<{ a: LeadEntity; b: LeadEntity; already: boolean }> {
  assertMayReview(actor);
  const ws = wsId(actor);
  const found = await leadPagesRepo.byIds(ws, ordered(toId(x), toId(y)));
  const [a, b] = found.length === 2 ? found : [undefined, undefined];
  const visible = await visibleOwnerIds(actor);
  if (!a || !b || (visible && !(visible.some((id) => id.equals(a.ownerId)) && visible.some((id) => id.equals(b.ownerId))))) {
    throw userError('forbidden', 'duplicates.pair_unavailable');
  }
  const [pa, pb] = ordered(a._id, b._id);
  const known = await pairsRepo.byPair(ws, pa, pb);
  const pair = { a: pa, b: pb, verdict: (known?.verdict ?? 'possible') as FoundPair['verdict'], score: known?.score ?? 0, reasons: known?.reasons ?? [] };
  const won = await pairsRepo.dismiss(ws, pair, actor.member._id, actor.now());
  if (won) {
    await auditRepo.record(ws, {
      actorId: actor.member._id, platform: actor.platform, action: 'duplicate.dismissed', entity: 'lead', entityId: pa,
      before: { status: known?.status ?? null }, after: { status: 'dismissed', a: pa, b: pb, reasons: pair.reasons }, at: actor.now(),
    });
  }
  const [first, second] = a._id.equals(pa) ? [a, b] : [b, a];
  return { a: first, b: second, already: !won };
}

function toId(hex: string): Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(hex)) throw userError('invalid_input', 'duplicates.pair_unavailable');
  return new Types.ObjectId(hex);
}

/** `/crm duplicates scan` (admins): the scan job walks the workspace's leads on its next run. */
export async function requestScan(actor: Actor): Promise<void> {
  assertAdmin(actor);
  await scansRepo.request(wsId(actor), actor.member._id, actor.now());
}
