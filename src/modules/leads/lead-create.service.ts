import type { Types } from 'mongoose';
import { leadsRepo, identityKeys, type LeadKeys } from './leads.repo';
import { countersRepo } from '../../platform/ids/counters.repo';
import { membersRepo, canSeeLead, type MemberEntity, type Actor, wsId } from '../workspaces';
import { interactionsRepo } from './interactions.repo';
import { draftsRepo } from '../../platform/drafts/drafts.repo';
import type { LeadEntity } from './lead.model';
import { userError } from '../../platform/errors';
import { blockFieldsOf, inputSubject, leadKeysOf, type LeadInput } from './lead-input';
import { leadDuplicates } from './lead-duplicates';
import { possibleOf, type PossibleDuplicate } from './lead-possible.service';
import { audit, ownerOf } from './leads.service';
import type { LeadView } from './lead.cards';
import { leadFacts } from './lead-view.service';

// Creating a lead: the duplicate check, the identity-key reservation, the insert and what follows it.

const ORPHAN_AFTER_MS = 10_000;

export type CreateResult =
  | { kind: 'created'; lead: LeadEntity; owner: MemberEntity; notifyOwner: boolean; view: LeadView; incomplete?: unknown }
  | { kind: 'duplicate'; existing: LeadEntity; owner: MemberEntity | null; draftId: string; visible: boolean }
  | { kind: 'possible'; candidates: PossibleDuplicate[]; draftId: string; total: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pickOwner(actor: Actor): Promise<MemberEntity> {
  const ws = actor.workspace;
  if (ws.settings?.assignment !== 'round_robin' || actor.member.role === 'rep') return actor.member;
  const reps = await membersRepo.byRole(wsId(actor), 'rep');
  if (!reps.length) return actor.member;
  const turn = await countersRepo.next(wsId(actor), 'round_robin');
  return reps[(turn - 1) % reps.length];
}

async function duplicateOf(actor: Actor, existing: LeadEntity, input: LeadInput): Promise<CreateResult> {
  const draftId = await draftsRepo.save(wsId(actor), actor.member._id, input);
  return { kind: 'duplicate', existing, owner: await ownerOf(actor, existing), draftId, visible: await canSeeLead(actor, existing) };
}

/** Waits briefly for a lead whose keys were just reserved by a concurrent request to be written. */
async function waitForLead(actor: Actor, id: Types.ObjectId): Promise<LeadEntity | null> {
  for (let i = 0; i < 40; i++) {
    const lead = await leadsRepo.byId(wsId(actor), id);
    if (lead) return lead;
    await sleep(50);
  }
  return null;
}

/** Reserves the lead's identity keys for `id`: null once they are its own, else the duplicate found holding one. */
async function reserveKeys(actor: Actor, id: Types.ObjectId, keys: LeadKeys, input: LeadInput): Promise<CreateResult | null> {
  const ws = wsId(actor);
  // The duplicate engine's check (one read on the indexed blocking keys; leads created with "Create anyway"
  // hold no keys) and the reservation (one insertMany) go out together: one round trip's wait.
  const [check, claimed] = await Promise.all([leadDuplicates.check(ws, inputSubject(input)), leadsRepo.claimKeys(ws, id, identityKeys(keys))]);
  if (check.verdict !== 'new') {
    if (!claimed) await leadsRepo.releaseKeys(ws, id);
    return check.verdict === 'same' ? duplicateOf(actor, check.matches[0].candidate, input) : possibleOf(actor, check.matches, input);
  }
  let holder = claimed;
  if (!holder) return null;
  const held = await waitForLead(actor, holder);
  if (held) return duplicateOf(actor, held, input);
  // A reservation with no lead behind it after the wait was left by a crash: reclaim once.
  const stale = new Date(actor.now().getTime() - ORPHAN_AFTER_MS);
  if (await leadsRepo.dropOrphanKeys(ws, holder, stale)) holder = await leadsRepo.claimKeys(ws, id, identityKeys(keys));
  if (holder) throw userError('conflict', 'lead.being_created');
  return null;
}

/** What is stored for a new lead: what was typed, its normalised keys, the first stage, no history yet. */
function newLeadFields(actor: Actor, input: LeadInput, keys: LeadKeys, ownerId: Types.ObjectId) {
  const settings = actor.workspace.settings;
  return {
    company: input.company,
    contactName: input.contactName,
    phones: input.phones.map((p) => p.raw),
    phoneGuesses: input.phones.filter((p) => p.guessed).map((p) => p.e164),
    emails: input.emails,
    source: input.source,
    value: input.value,
    currency: input.value === null ? null : (input.currency ?? settings?.currency ?? 'CNY'),
    stage: settings?.stages?.[0] ?? 'new',
    ownerId,
    createdById: actor.member._id,
    tags: input.tags,
    nextFollowUpAt: input.next?.at ?? null,
    nextFollowUpWhat: input.next?.what ?? '',
    followUpPending: Boolean(input.next),
    quietLevel: 0,
    rev: 0,
    lostReason: '',
    lastContactAt: null,
    keys,
    ...blockFieldsOf(input),
  };
}

/** Picks the owner and writes the lead with the next number; on failure frees the keys `reserved` holds. */
async function insertLead(actor: Actor, id: Types.ObjectId, input: LeadInput, keys: LeadKeys, reserved: boolean): Promise<{ lead: LeadEntity; owner: MemberEntity }> {
  const ws = wsId(actor);
  try {
    const owner = await pickOwner(actor);
    const lead = await countersRepo.insertNumbered(ws, 'lead', (seq) => leadsRepo.create(ws, { _id: id, seq, ...newLeadFields(actor, input, keys, owner._id) }));
    return { lead, owner };
  } catch (err) {
    // The lead was not written: free its reservations (a leftover is reclaimed later if this fails too).
    if (reserved) await leadsRepo.releaseKeys(ws, id).catch(() => undefined);
    throw err;
  }
}

/**
 * The note typed with the lead and the audit event (handed to the audit writer, no round trip); what
 * failed here is returned, not thrown (the lead exists). The card is built from what was written:
 * a new lead's only interaction is that note, so nothing is read back.
 */
async function recordCreation(actor: Actor, lead: LeadEntity, owner: MemberEntity, input: LeadInput): Promise<{ view: LeadView; incomplete?: unknown }> {
  const view: LeadView = { lead: leadFacts(lead), owner, recent: [] };
  try {
    await audit(actor, 'lead.create', lead, null, lead);
    if (input.note) {
      const note = await interactionsRepo.add(wsId(actor), { leadId: lead._id, kind: 'note', text: input.note, authorId: actor.member._id, at: actor.now() });
      view.recent = [{ at: note.at, kind: note.kind, text: note.text, author: actor.member }];
    }
    return { view };
  } catch (err) {
    return { view, incomplete: err };
  }
}

/**
 * Creates a lead unless one with the same email, phone, or company and contact exists. Identity
 * keys are reserved through a unique index first, so simultaneous identical requests create one lead.
 */
export async function createLead(actor: Actor, input: LeadInput, opts: { force?: boolean } = {}): Promise<CreateResult> {
  const keys = leadKeysOf(input);
  const id = leadsRepo.newId();
  if (!opts.force) {
    const duplicate = await reserveKeys(actor, id, keys, input);
    if (duplicate) return duplicate;
  }
  const { lead, owner } = await insertLead(actor, id, input, keys, !opts.force);
  // The lead exists from here on: a failure below must not make the user think nothing was saved.
  const { view, incomplete } = await recordCreation(actor, lead, owner, input);
  return { kind: 'created', lead, owner, notifyOwner: !owner._id.equals(actor.member._id), view, incomplete };
}

/** "Create anyway" from a duplicate warning: usable once, by the member who was warned. */
export async function createFromDraft(actor: Actor, draftId: string): Promise<CreateResult> {
  if (!/^[0-9a-f]{24}$/i.test(draftId)) throw userError('not_found', 'lead.draft_used');
  const data = (await draftsRepo.take(wsId(actor), actor.member._id, draftId)) as (LeadInput & { next: { at: string | Date; what: string } | null }) | null;
  if (!data) throw userError('conflict', 'lead.draft_used');
  const input: LeadInput = { ...data, next: data.next ? { at: new Date(data.next.at), what: data.next.what } : null };
  try {
    return await createLead(actor, input, { force: true });
  } catch (err) {
    await draftsRepo.release(wsId(actor), draftId).catch(() => undefined);
    throw err;
  }
}
