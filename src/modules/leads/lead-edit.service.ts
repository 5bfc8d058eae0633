import { leadsRepo, identityKeys } from './leads.repo';
import type { LeadEntity } from './lead.model';
import { type Actor, wsId, assertCanSeeLead, isClosedStage, openStages } from '../workspaces';
import { userError } from '../../platform/errors';
import { blockFieldsOf, emptyRaw, leadKeysOf, validateLead, type FieldIssue, type RawLead } from './lead-input';
import { change, findStage } from './leads.service';
import { leadRef } from './lead-ref';

// Changing a lead after it was added: edit its details, delete it (softly) and restore it, reopen it once closed.

/** The fields `/lead edit` changes (the next follow-up and notes have their own commands). */
export type EditableField = 'company' | 'contact' | 'phones' | 'emails' | 'source' | 'value' | 'tags';
export type LeadEdit = Partial<Record<EditableField, string>>;

const split = (s: string, by: RegExp) => s.split(by).map((x) => x.trim()).filter(Boolean);

/** What the lead holds now, in the shape a user types, with `edit` laid over it. */
function rawOf(lead: LeadEntity, edit: LeadEdit): RawLead {
  const raw = emptyRaw();
  raw.company = edit.company ?? lead.company;
  raw.contact = edit.contact ?? lead.contactName;
  raw.phones = edit.phones !== undefined ? split(edit.phones, /[,，、]/) : [...lead.phones];
  raw.emails = edit.emails !== undefined ? split(edit.emails, /[,，、\s]/) : [...lead.emails];
  raw.source = edit.source ?? lead.source;
  raw.value = edit.value ?? '';
  raw.tags = edit.tags !== undefined ? split(edit.tags, /[\s,，#]+/) : [...lead.tags];
  return raw;
}

export type EditResult = { kind: 'edited'; lead: LeadEntity } | { kind: 'unchanged'; lead: LeadEntity } | { kind: 'invalid'; issues: FieldIssue[] };

/** Applies an edit after checking it as `/lead add` checks a new lead; the duplicate keys follow the new details. */
export async function editLead(actor: Actor, lead: LeadEntity, edit: LeadEdit): Promise<EditResult> {
  const s = actor.workspace.settings;
  const { input, issues } = validateLead(rawOf(lead, edit), { region: s?.phoneRegion ?? 'CN', timeZone: s?.timezone ?? 'Asia/Shanghai', now: actor.now() });
  if (!input) return { kind: 'invalid', issues };
  const set: Record<string, unknown> = { company: input.company, contactName: input.contactName, phones: input.phones.map((p) => p.raw), emails: input.emails, source: input.source, tags: input.tags };
  if (edit.value !== undefined) Object.assign(set, { value: input.value, currency: input.value === null ? null : (input.currency ?? lead.currency ?? s?.currency ?? 'CNY') });
  const o: Record<string, unknown> = { ...lead };
  // Only what differs is written (and audited, and undone).
  for (const k of Object.keys(set)) if (JSON.stringify(o[k] ?? null) === JSON.stringify(set[k] ?? null)) delete set[k];
  if (!Object.keys(set).length) return { kind: 'unchanged', lead };
  Object.assign(set, { keys: leadKeysOf(input), ...blockFieldsOf(input) });
  const updated = await change(actor, lead, 'lead.edit', set);
  if (updated.keys) await leadsRepo.reclaimKeys(wsId(actor), updated._id, identityKeys(updated.keys));
  return { kind: 'edited', lead: updated };
}

/** Soft delete, by an admin or the lead's owner: it leaves every list and no longer blocks adding the same lead again. */
export async function deleteLead(actor: Actor, lead: LeadEntity): Promise<LeadEntity> {
  if (actor.member.role !== 'admin' && !lead.ownerId.equals(actor.member._id)) throw userError('forbidden', 'lead.delete_forbidden', { id: leadRef(lead) });
  const updated = await change(actor, lead, 'lead.delete', { deletedAt: actor.now(), deletedById: actor.member._id });
  await leadsRepo.releaseKeys(wsId(actor), lead._id);
  return updated;
}

/** A deleted lead `L-<seq>`, for an admin to restore. */
export async function getDeletedLead(actor: Actor, seq: number): Promise<LeadEntity> {
  if (actor.member.role !== 'admin') throw userError('forbidden', 'error.admin_only');
  const lead = await leadsRepo.bySeq(wsId(actor), seq);
  if (!lead) throw userError('not_found', 'error.lead_not_found', { id: leadRef(seq) });
  if (!lead.deletedAt) throw userError('conflict', 'lead.not_deleted', { id: leadRef(seq) });
  // A merged lead comes back with what was moved off it, by `/lead unmerge`, not as an empty copy.
  if (lead.mergedInto) throw userError('conflict', 'lead.restore_merged', { id: leadRef(seq) });
  return lead;
}

export async function restoreLead(actor: Actor, lead: LeadEntity): Promise<LeadEntity> {
  await assertCanSeeLead(actor, lead);
  const updated = await change(actor, lead, 'lead.restore', { deletedAt: null, deletedById: null });
  // A lead added again meanwhile keeps its keys; the restored one may then show as its duplicate.
  if (updated.keys) await leadsRepo.reclaimKeys(wsId(actor), updated._id, identityKeys(updated.keys));
  return updated;
}

/** Reopens a won or lost lead into an open stage (the first one unless named); audited as its own action. */
export async function reopenLead(actor: Actor, lead: LeadEntity, stageInput = ''): Promise<LeadEntity> {
  if (!isClosedStage(lead.stage)) throw userError('conflict', 'lead.not_closed', { id: leadRef(lead) });
  const open = openStages(actor.workspace.settings);
  const stage = stageInput.trim() ? findStage(actor, stageInput) : open[0];
  if (!stage || !open.includes(stage)) throw userError('invalid_input', 'lead.reopen_stage', { id: leadRef(lead), stages: open.join(', ') });
  return change(actor, lead, 'lead.reopen', { stage, lostReason: '' });
}
