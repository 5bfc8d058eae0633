/** A ticket's priorities, most urgent first (the model's enum and the forms' choices). */
export const PRIORITIES = ['high', 'normal', 'low'] as const;
