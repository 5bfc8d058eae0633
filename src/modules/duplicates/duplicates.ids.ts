import { z } from 'zod';
import { actionCodec } from '../../platform/cards/action-values';

// The ids the platforms see for the duplicates list's buttons (its Merge button is the merge module's).
export const DUPLICATE_ACTIONS = {
  /** "Not a duplicate" on a pair of `/crm duplicates`: never listed again, for anyone. */
  duplicateDismiss: 'duplicate_dismiss',
} as const;

const leadId = z.string().regex(/^[0-9a-f]{24}$/i);

export const DUPLICATE_VALUES = {
  duplicateDismiss: actionCodec(DUPLICATE_ACTIONS.duplicateDismiss, z.object({ a: leadId, b: leadId }), ([a, b]) => ({ a, b })),
};
