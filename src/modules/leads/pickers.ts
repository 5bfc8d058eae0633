import type { FormOption } from '../../platform/cards/card';
import { findLeads, getLead } from './leads.service';
import { normalizeEmail, normalizePhone } from './normalize';
import type { Ctx } from '../workspaces';

const MAX_OPTIONS = 20;

/** Search-as-you-type choices for a lead field: leads the caller may see, by id, company, contact, email or phone. */
export async function leadOptions(ctx: Ctx, query: string): Promise<FormOption[]> {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  if (/^L-?\d+$/i.test(q)) {
    const lead = await getLead(ctx.actor, q).catch(() => null);
    return lead ? [{ value: String(lead._id), label: `L-${lead.seq} · ${lead.company} · ${lead.contactName}`.slice(0, 75) }] : [];
  }
  const email = q.includes('@') ? normalizeEmail(q) : null;
  const phone = /\d{5,}/.test(q.replace(/\D/g, '')) ? normalizePhone(q, ctx.region) : null;
  const { leads } = await findLeads(ctx.actor, email ? { email } : phone ? { phone } : { text: q }, 1);
  return leads.slice(0, MAX_OPTIONS).map((l) => ({ value: String(l._id), label: `L-${l.seq} · ${l.company} · ${l.contactName}`.slice(0, 75) }));
}
