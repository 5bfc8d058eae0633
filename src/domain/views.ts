import type { Types } from 'mongoose';
import { leadsRepo } from '../store/leads.repo';
import { type Actor, wsId } from './actor';

/** The id, number and company of a lead, for showing a link to it (no permission needed to see a name on a ticket). */
export async function leadsRepoView(actor: Actor, id: Types.ObjectId): Promise<{ seq: number; company: string } | null> {
  const lead = await leadsRepo.byId(wsId(actor), id);
  return lead ? { seq: lead.seq, company: lead.company } : null;
}
