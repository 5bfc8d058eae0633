// What other modules (and the dispatcher) may use from duplicates.
export * from './merge.cards';
export * from './merge.commands';
export * from './merge.ids';
export * from './merge.service';
export { mergeMessages } from './merge.messages';
