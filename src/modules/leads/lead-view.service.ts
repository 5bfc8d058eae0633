import type { Actor } from '../workspaces';
import type { LeadEntity } from './lead.model';
import type { LeadFacts, LeadView } from './lead.cards';
import { membersById, recentInteractions } from './leads.service';

/** How many interactions the lead card lists. */
const RECENT = 5;

/** The lead as the card shows it: plain data, no document. */
export function leadFacts(lead: LeadEntity): LeadFacts {
  return {
    id: String(lead._id),
    seq: lead.seq,
    company: lead.company,
    contactName: lead.contactName,
    phones: [...lead.phones],
    emails: [...lead.emails],
    phoneKeys: [...(lead.keys?.phones ?? [])],
    phoneGuesses: [...(lead.phoneGuesses ?? [])],
    stage: lead.stage,
    lostReason: lead.lostReason ?? '',
    value: lead.value ?? null,
    currency: lead.currency ?? null,
    nextFollowUpAt: lead.nextFollowUpAt ?? null,
    nextFollowUpWhat: lead.nextFollowUpWhat ?? '',
    source: lead.source ?? '',
    tags: [...lead.tags],
    ownerId: String(lead.ownerId),
  };
}

/** What the lead card shows: the lead, its owner, its latest interactions and their authors. */
export async function getLeadView(actor: Actor, lead: LeadEntity): Promise<LeadView> {
  const [owners, interactions] = await Promise.all([membersById(actor, [lead.ownerId]), recentInteractions(actor, lead, RECENT)]);
  const authors = await membersById(actor, interactions.map((i) => i.authorId));
  return {
    lead: leadFacts(lead),
    owner: owners.get(String(lead.ownerId)) ?? null,
    recent: interactions.map((i) => ({ at: i.at, kind: i.kind, text: i.text, author: authors.get(String(i.authorId)) ?? null })),
  };
}
