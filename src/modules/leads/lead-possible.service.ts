import type { DuplicateMatch, MatchReason } from '../matching';
import { visibleOwnerIds, wsId, type Actor, type MemberEntity } from '../workspaces';
import { draftsRepo } from '../../platform/drafts/drafts.repo';
import type { LeadEntity } from './lead.model';
import type { LeadInput } from './lead-input';
import { membersById } from './leads.service';

// A possible duplicate: nothing is created; the reader sees the candidates with why each matched, and
// can open one, create the lead anyway (from the saved draft) or merge it into one.

/** Candidates a possible-duplicate card lists (the best ones; the card says how many there were). */
export const MAX_SHOWN_CANDIDATES = 3;

export interface PossibleDuplicate {
  lead: LeadEntity;
  owner: MemberEntity | null;
  visible: boolean;
  reasons: MatchReason[];
}

export async function possibleOf(actor: Actor, matches: DuplicateMatch<LeadEntity>[], input: LeadInput) {
  const shown = matches.slice(0, MAX_SHOWN_CANDIDATES);
  const [draftId, owners, visibleIds] = await Promise.all([
    draftsRepo.save(wsId(actor), actor.member._id, input),
    membersById(actor, shown.map((m) => m.candidate.ownerId)),
    visibleOwnerIds(actor),
  ]);
  const candidates: PossibleDuplicate[] = shown.map((m) => ({
    lead: m.candidate,
    owner: owners.get(String(m.candidate.ownerId)) ?? null,
    visible: !visibleIds || visibleIds.some((id) => id.equals(m.candidate.ownerId)),
    reasons: m.reasons,
  }));
  return { kind: 'possible' as const, candidates, draftId, total: matches.length };
}
