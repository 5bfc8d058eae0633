import { z } from 'zod';
import { actionCodec } from '../../platform/cards/action-values';

// The ids the platforms see for the duplicate cards' buttons. Merge's handler belongs to the merge use
// case (merge*.ts); the possible-duplicate card shows the button only once that handler is registered.

export const DUPLICATE_ACTIONS = {
  /** "Merge into L-12" on a possible-duplicate card: the typed lead (a saved draft) goes into the existing one. */
  duplicateMerge: 'duplicate_merge',
} as const;

export const DUPLICATE_VALUES = {
  // `into`: the existing lead's id; `draft`: the draft the typed input was saved as (what "Create anyway" uses).
  duplicateMerge: actionCodec(DUPLICATE_ACTIONS.duplicateMerge, z.object({ into: z.string().regex(/^[0-9a-f]{24}$/i), draft: z.string().regex(/^[0-9a-f]{24}$/i) }), ([into, draft]) => ({ into, draft })),
};
