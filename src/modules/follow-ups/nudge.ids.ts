// The ids the platforms see for nudge buttons; the dispatcher assembles every module's into one registry.

export const NUDGE_ACTIONS = {
  nudgeSnooze: 'nudge_snooze',
} as const;
