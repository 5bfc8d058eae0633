import mongoose, { type Types } from 'mongoose';
import { forgetCachedIdentities as forgetIdentities } from '../../src/modules/workspaces';

/**
 * The only place tests write the database behind the app's back. Everything else seeds through the
 * product's use cases or the commands a user types and reads through test/helpers/app-data.ts. What is
 * here cannot be produced by any use case: wiping collections between tests (the product only
 * soft-deletes), and states a crash or an older version leaves behind (a half-written claim, a
 * reservation whose lead was never written, a stage the pipeline no longer has, a copy gone stale).
 * These use the raw driver by collection name on purpose, so a model change does not reach them.
 */

const db = () => {
  const d = mongoose.connection.db;
  if (!d) throw new Error('the test database is not connected');
  return d;
};

export const rawCollection = (name: string) => db().collection(name);

/** Empties these collections (a clean slate between tests). */
export async function clearCollections(...names: string[]): Promise<void> {
  await Promise.all(names.map((n) => rawCollection(n).deleteMany({})));
  // The service keeps workspaces and members in process for a while: they are gone now.
  if (names.includes('workspaces') || names.includes('members')) forgetIdentities();
}

/** A clean slate of leads: the leads and the identity keys they reserve. */
export const clearLeads = () => clearCollections('leads', 'leadkeys');

/** As if the process died after the member took the admin seat but before their role and the workspace were written. */
export async function interruptAdminPromotion(member: { _id: Types.ObjectId; workspaceId: Types.ObjectId }): Promise<void> {
  await rawCollection('members').updateOne({ _id: member._id }, { $set: { role: 'rep' } });
  await rawCollection('workspaces').updateOne({ _id: member.workspaceId }, { $set: { adminClaimed: false } });
  forgetIdentities();
}

/** A ticket's claim row as the first of a claim's two writes leaves it (the ticket itself not written yet). */
export async function writeHalfClaim(row: { workspaceId: unknown; ticketId: unknown; round: number; memberId: unknown }, at = new Date()): Promise<void> {
  await rawCollection('ticketclaims').insertOne({ ...row, at });
}

/** Backdates a ticket's claim rows, as if the claim that wrote them died `ms` ago. */
export async function ageClaims(ticketId: unknown, ms: number): Promise<void> {
  await rawCollection('ticketclaims').updateMany({ ticketId }, { $set: { at: new Date(Date.now() - ms) } });
}

/** Puts a lead in a stage directly, as a change made before stage moves were required left it (a stage the pipeline no longer has). */
export async function strandLead(seq: number, stage: string): Promise<void> {
  await rawCollection('leads').updateOne({ seq }, { $set: { stage } });
}

/** An identity key reserved for a lead that was never written: what a crash in the middle of /lead add leaves. */
export async function orphanKeyReservation(workspaceId: Types.ObjectId, key: string, ageMs: number): Promise<void> {
  await rawCollection('leadkeys').insertOne({ workspaceId, key, leadId: new mongoose.Types.ObjectId(), createdAt: new Date(Date.now() - ageMs) });
}

/** Backdates the send time remembered in a channel's message copies, as if they were posted `hours` ago (their update codes expired). */
export async function ageCopies(platform: string, channel: string, hours: number): Promise<void> {
  const copies = rawCollection('messagecopies');
  for (const c of await copies.find({ platform, channel }).toArray()) {
    const ref = JSON.parse(String(c.ref)) as { at?: number };
    await copies.updateOne({ _id: c._id }, { $set: { ref: JSON.stringify({ ...ref, at: Date.now() - hours * 3_600_000 }) } });
  }
}

/**
 * Writes history as it stands in the database (fixed ids, past dates, audit rows of moves weeks ago),
 * which no use case can produce without replaying weeks of clock time. Rows go in as given.
 */
export async function insertHistory(rows: Record<string, object[]>): Promise<void> {
  for (const [name, docs] of Object.entries(rows)) if (docs.length) await rawCollection(name).insertMany(docs.map((d) => ({ ...d })));
}

/** Empties every collection of the test database (a crash test starts each run from nothing). */
export async function clearAll(): Promise<void> {
  for (const c of await db().collections()) await c.deleteMany({});
  forgetIdentities();
}

/** Leads as a version before the duplicate engine stored them: no blocking keys. */
export async function dropBlockKeys(): Promise<void> {
  await rawCollection('leads').updateMany({}, { $unset: { blockKeys: '', blockKeysV: '' } });
}

/** Leads as the first version of the engine stored them: the blocking keys inside `keys`, none at the top level. */
export async function nestBlockKeys(): Promise<void> {
  const leads = rawCollection('leads');
  for (const l of await leads.find({}).toArray()) {
    await leads.updateOne({ _id: l._id }, { $set: { 'keys.block': l.blockKeys ?? [], 'keys.blockV': 1 }, $unset: { blockKeys: '', blockKeysV: '' } });
  }
}
