// What other modules may use from leads.
export * from './crm-config.commands';
export { INTERACTION_KINDS, type Interaction, type InteractionEntity } from './interaction.model';
export * from './lead-edit.commands';
export * from './lead-create.service';
export { backfillBlockKeys, leadBlockKeys, leadDuplicates, leadSubject } from './lead-duplicates';
export type { PossibleDuplicate } from './lead-possible.service';
export * from './lead-input';
export * from './lead.cards';
export * from './lead.commands';
export * from './lead.ids';
export type { Lead, LeadEntity } from './lead.model';
export * from './leads.service';
export * from './lead-view.service';
export * from './pickers';

// Store-level access other modules still use directly; each is to become a use case of this module
// (digest.repo aggregates over the models; follow-ups, interactions and tickets call the repos).
export { LeadModel } from './lead.model';
export { InteractionModel } from './interaction.model';
export { leadsRepo, identityKeys } from './leads.repo';
export { leadPagesRepo } from './lead-pages.repo';
export { leadTotalsRepo, type TotalRow } from './lead-totals.repo';
export { interactionsRepo } from './interactions.repo';
export { leadsMessages } from './leads.messages';
