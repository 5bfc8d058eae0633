import { z } from 'zod';
import { actionCodec } from '../../platform/cards/action-values';

// The ids the platforms see for merge buttons; the dispatcher assembles every module's into one registry.
export const MERGE_ACTIONS = {
  /** Asks to merge two leads: shows the confirmation card (nothing changes yet). */
  leadMerge: 'lead_merge',
  leadMergeConfirm: 'lead_merge_confirm',
  leadMergeCancel: 'lead_merge_cancel',
  /** An admin takes a merge back (the button on the merge result). */
  leadUnmerge: 'lead_unmerge',
} as const;

const leadId = z.string().regex(/^[0-9a-f]{24}$/i);

export const MERGE_VALUES = {
  // `ids`: the two leads' ids; `keep`: the one to keep (the older one when absent).
  leadMerge: actionCodec(MERGE_ACTIONS.leadMerge, z.object({ ids: z.tuple([leadId, leadId]), keep: leadId.optional() }), ([a, b, keep]) => ({ ids: [a, b], keep: keep || undefined })),
  // The pair as the confirmation showed it, with both revisions: a lead changed since is shown again.
  leadMergeConfirm: actionCodec(
    MERGE_ACTIONS.leadMergeConfirm,
    z.object({ keep: leadId, lose: leadId, s: z.number().int().min(0), l: z.number().int().min(0) }),
    ([keep, lose, s, l]) => ({ keep, lose, s: Number(s), l: Number(l) }),
  ),
  leadUnmerge: actionCodec(MERGE_ACTIONS.leadUnmerge, z.object({ id: leadId }), ([id]) => ({ id })),
};
