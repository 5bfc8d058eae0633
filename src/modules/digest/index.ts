// What other modules may use from digest.
export * from './pipeline.commands';
export * from './weekly-digest.jobs';
export { digestMessages } from './digest.messages';
export * from './summaries.jobs';
