import { Types } from 'mongoose';
import { auditRepo } from '../../platform/audit/audit.repo';
import { leadsRepo, identityKeys } from './leads.repo';
import { interactionsRepo } from './interactions.repo';
import type { LeadEntity } from './lead.model';
import { type Actor, wsId, assertCanSeeLead } from '../workspaces';
import { userError } from '../../platform/errors';
import { oneChange } from '../../platform/changes/one-change';
import { leadRef } from './lead-ref';

// `/undo`: a member takes back their own last change to a lead, within a few minutes, if nobody has
// changed the same fields since.

export const UNDO_MINUTES = 5;
const UNDOABLE = ['lead.stage', 'lead.won', 'lead.lost', 'lead.reopen', 'lead.assign', 'lead.edit', 'lead.delete', 'interaction.create'];
const ENDS_UNDO = ['lead.undo', 'lead.merged', 'lead.unmerged'];
/** Fields of an event's `after` that describe it rather than the lead. */
const NOT_FIELDS = new Set(['interactionId', 'kind']);

/** A value in a stable form to compare (ObjectIds, dates and key order as stored may differ). */
function canon(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && typeof (v as { toHexString?: unknown }).toHexString === 'function') return (v as { toHexString: () => string }).toHexString();
  if (Array.isArray(v)) return v.map(canon);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k !== '_id').sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)]));
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

export interface UndoResult {
  lead: LeadEntity;
  /** The action undone: `lead.stage`, `lead.delete`, … */
  action: string;
}

async function lastChange(actor: Actor, leadId?: Types.ObjectId) {
  const since = new Date(actor.now().getTime() - UNDO_MINUTES * 60_000);
  // An undo is itself the latest change: a second /undo does not walk further back; nor past a merge (`/lead unmerge` takes that back).
  const ev = await auditRepo.lastBy(wsId(actor), actor.member._id, [...UNDOABLE, ...ENDS_UNDO], since, leadId);
  if (!ev || ENDS_UNDO.includes(ev.action) || ev.undoneAt) throw userError('not_found', 'undo.nothing', { minutes: UNDO_MINUTES });
  return ev;
}

/** Puts back what the member's last change (on `leadId`, when given) set, guarded like any other change. */
export async function undoLast(actor: Actor, leadId?: string): Promise<UndoResult> {
  const ws = wsId(actor);
  if (leadId !== undefined && !Types.ObjectId.isValid(leadId)) throw userError('not_found', 'undo.nothing', { minutes: UNDO_MINUTES });
  const ev = await lastChange(actor, leadId === undefined ? undefined : new Types.ObjectId(leadId));
  const lead = await leadsRepo.byId(ws, ev.entityId);
  if (!lead) throw userError('not_found', 'undo.nothing', { minutes: UNDO_MINUTES });
  // A lead merged since is changed only by taking the merge back.
  if (lead.mergedInto) throw userError('conflict', 'lead.restore_merged', { id: leadRef(lead) });
  // Taking back one's own reassignment is fine; changing a lead one can no longer see is not.
  if (ev.action !== 'lead.assign') await assertCanSeeLead(actor, lead);
  const after = (ev.after ?? {}) as Record<string, unknown>;
  const before = (ev.before ?? {}) as Record<string, unknown>;
  const fields = Object.keys(after).filter((k) => !NOT_FIELDS.has(k));
  const now: Record<string, unknown> = { ...lead };
  if (fields.some((k) => !same(now[k], after[k]))) throw userError('conflict', 'undo.changed_since', { id: leadRef(lead) });
  const set = Object.fromEntries(fields.map((k) => [k, before[k] ?? null]));
  // The same guard as every change: of an undo and a simultaneous change (or a second undo), one wins.
  const updated = await oneChange(ws, lead._id, lead.rev ?? 0, () => leadsRepo.update(ws, lead._id, { rev: lead.rev ?? 0 }, set), () => leadsRepo.byId(ws, lead._id));
  if (!updated || !(await auditRepo.markUndone(ws, ev._id, actor.now()))) throw userError('conflict', 'undo.changed_since', { id: leadRef(lead) });
  if (ev.action === 'interaction.create') await interactionsRepo.remove(ws, after.interactionId);
  // A lead back from deletion, or with its old details, holds its old duplicate keys again.
  if ((ev.action === 'lead.delete' || ev.action === 'lead.edit') && updated.keys) await leadsRepo.reclaimKeys(ws, lead._id, identityKeys(updated.keys));
  await auditRepo.record(ws, { actorId: actor.member._id, platform: actor.platform, action: 'lead.undo', entity: 'lead', entityId: lead._id, before: { ...after, undid: ev._id, undidAction: ev.action }, after: set, at: actor.now() });
  return { lead: updated, action: ev.action };
}
