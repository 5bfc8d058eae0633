import { z } from 'zod';
import { actionCodec } from '../../platform/cards/action-values';
// The ids the platforms see for nudge buttons; the dispatcher assembles every module's into one registry.

export const NUDGE_ACTIONS = {
  nudgeSnooze: 'nudge_snooze',
} as const;

export const NUDGE_VALUES = {
  /** Move a lead's follow-up (and its nudge) by a day or a week; `due`: the follow-up time the nudge was for. */
  nudgeSnooze: actionCodec(
    NUDGE_ACTIONS.nudgeSnooze,
    z.object({ id: z.string(), days: z.number().transform((d): 1 | 7 => (d === 7 ? 7 : 1)), due: z.number() }),
    ([id, days, due]) => ({ id, days: Number(days), due: Number(due) }),
  ),
};
