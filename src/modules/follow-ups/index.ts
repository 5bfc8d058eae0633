// What other modules may use from follow-ups.
export * from './follow-up.jobs';
export * from './gone-quiet.jobs';
export * from './nudge.ids';
export * from './nudges.service';
export * from './ticket-sla.jobs';
export { followUpsMessages } from './follow-ups.messages';
