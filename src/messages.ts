// Every message catalogue outside platform/ (platform/i18n registers its own and may import no module).
// app.ts calls registerAllMessages when it loads, so anything that builds the app (main, a job, a test) has
// them all; jest's setup file calls it too, for tests that render cards without the app.
import { registerMessages, type Messages } from './platform/i18n';
import { workspacesMessages } from './modules/workspaces';
import { leadsMessages } from './modules/leads';
import { interactionsMessages } from './modules/interactions';
import { ticketsMessages } from './modules/tickets';
import { followUpsMessages } from './modules/follow-ups';
import { digestMessages } from './modules/digest';
import { duplicatesMessages, mergeMessages } from './modules/duplicates';
import { matchingMessages } from './modules/matching';
import { slackMessages } from './channels/slack/slack.messages';
import { wecomMessages } from './channels/wecom/wecom.messages';
import { sandboxMessages } from './channels/sandbox/sandbox.messages';

export const MESSAGE_CATALOGUES: readonly Messages[] = [
  workspacesMessages,
  leadsMessages,
  interactionsMessages,
  ticketsMessages,
  followUpsMessages,
  digestMessages,
  mergeMessages,
  duplicatesMessages,
  matchingMessages,
  slackMessages,
  wecomMessages,
  sandboxMessages,
];

/** Registers every catalogue; calling it again does nothing. */
export function registerAllMessages(): void {
  for (const entries of MESSAGE_CATALOGUES) registerMessages(entries);
}
