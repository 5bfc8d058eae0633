// What other modules may use from interactions.
export * from './interactions.service';
export * from './log.commands';
export * from './log.ids';
export { interactionsMessages } from './interactions.messages';
