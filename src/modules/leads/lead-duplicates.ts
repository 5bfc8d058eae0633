import { blockKeysOf, duplicateEngine, MATCH_RULES_VERSION, type DuplicateCheck, type DuplicateEngine, type MatchSubject } from '../matching';
import { leadBlockKeysRepo } from './lead-block-keys.repo';
import type { LeadEntity } from './lead.model';

// The duplicate engine over the leads collection: the leads module owns the records, the engine the
// rules. Import (a later issue) and merge use `leadDuplicates` too, through this module's index.

/** What of a lead the engine compares: its phones as E.164 keys (with extension), its e-mails. */
export function leadSubject(lead: Pick<LeadEntity, 'company' | 'contactName' | 'keys'>): MatchSubject {
  return { company: lead.company, contactName: lead.contactName, phones: lead.keys?.phones ?? [], emails: lead.keys?.emails ?? [] };
}

const engine = duplicateEngine<LeadEntity>({
  candidatesFor: (workspaceId, keys, limit) => leadBlockKeysRepo.candidatesFor(workspaceId, keys, limit),
  subjectOf: leadSubject,
});

/** The matches as leads read through the schema (the candidates come back lean: most are only scored). */
function asLeads<C extends DuplicateCheck<LeadEntity>>(check: C): C {
  return { ...check, matches: check.matches.map((m) => ({ ...m, candidate: leadBlockKeysRepo.asLead(m.candidate) })) };
}

export const leadDuplicates: DuplicateEngine<LeadEntity> = {
  check: async (workspaceId, input) => asLeads(await engine.check(workspaceId, input)),
  checkMany: async (workspaceId, inputs) => (await engine.checkMany(workspaceId, inputs)).map(asLeads),
};

const BACKFILL_PAGE = 500;

/**
 * Gives every lead without blocking keys (stored before the engine, under older rules, or with them
 * still in the old place `keys.block`) its keys in `blockKeys`, and drops the old copy. Idempotent:
 * run on start-up; a lead done is not read again. Returns how many were updated.
 */
export async function backfillBlockKeys(): Promise<number> {
  let done = 0;
  for (;;) {
    const page = await leadBlockKeysRepo.withOldBlockKeys(MATCH_RULES_VERSION, BACKFILL_PAGE);
    for (const lead of page) await leadBlockKeysRepo.setBlockKeys(lead.workspaceId, lead._id, blockKeysOf(leadSubject(lead)), MATCH_RULES_VERSION);
    done += page.length;
    if (page.length < BACKFILL_PAGE) return done;
  }
}

/** The blocking keys of a lead whose details changed outside an edit (a merge): set them with its keys. */
export function leadBlockKeys(lead: Pick<LeadEntity, 'company' | 'contactName' | 'keys'>): { blockKeys: string[]; blockKeysV: number } {
  return { blockKeys: blockKeysOf(leadSubject(lead)), blockKeysV: MATCH_RULES_VERSION };
}
