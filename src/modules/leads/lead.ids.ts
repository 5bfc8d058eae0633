import { z } from 'zod';
import { actionCodec } from '../../platform/cards/action-values';
// The ids the platforms see for lead buttons and forms; the dispatcher assembles every module's into one registry.

export const LEAD_ACTIONS = {
  leadAdvance: 'lead_advance',
  leadFollowUp: 'lead_followup',
  leadAssignMe: 'lead_assign_me',
  leadReassign: 'lead_reassign',
  leadWon: 'lead_won',
  leadLost: 'lead_lost',
  leadOpen: 'lead_open',
  leadCreateAnyway: 'lead_create_anyway',
  leadPage: 'lead_page',
  leadLog: 'lead_log',
  leadHistory: 'lead_history',
  leadReopen: 'lead_reopen',
  leadUndo: 'lead_undo',
  leadRestore: 'lead_restore',
} as const;

export const LEAD_FORMS = {
  leadAdd: 'lead_add_form',
  leadFollowUp: 'lead_followup_form',
  leadReassign: 'lead_reassign_form',
  leadLost: 'lead_lost_form',
  leadEdit: 'lead_edit_form',
} as const;

/** Form field ids with a platform-specific search (Slack: an external select loading options as you type). */
export const LEAD_SEARCH_FIELD = 'lead';

// What the lead buttons carry. `from`: the stage the card showed, so a stale card is refused rather than acting twice.
const leadAtStage = z.object({ id: z.string(), from: z.string().optional() });
const atStageLegacy = ([id, from]: string[]) => ({ id, from });

export const LEAD_VALUES = {
  leadAdvance: actionCodec(LEAD_ACTIONS.leadAdvance, leadAtStage, atStageLegacy),
  leadWon: actionCodec(LEAD_ACTIONS.leadWon, leadAtStage, atStageLegacy),
  leadReopen: actionCodec(LEAD_ACTIONS.leadReopen, leadAtStage, atStageLegacy),
  leadHistory: actionCodec(
    LEAD_ACTIONS.leadHistory,
    z.object({ id: z.string(), page: z.number().int().min(1).catch(1) }),
    ([id, page]) => ({ id, page: Number(page) }),
  ),
};
