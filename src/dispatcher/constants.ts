// Every name the platforms see: slash commands, shortcut callback ids, action ids and form ids.
// The Slack manifests are checked against this file by a test. Each module owns its action and form ids.

import { LEAD_ACTIONS, LEAD_FORMS, LEAD_SEARCH_FIELD } from '../modules/leads';
import { TICKET_ACTIONS, TICKET_FORMS } from '../modules/tickets';
import { NUDGE_ACTIONS } from '../modules/follow-ups';
import { LOG_FORMS } from '../modules/interactions';
import { DUPLICATE_ACTIONS, MERGE_ACTIONS } from '../modules/duplicates';
import { RUN_COMMAND_ACTION } from '../platform/cards/choices';

export const SLASH_COMMANDS = ['/lead', '/crm', '/log', '/ticket', '/pipeline', '/undo'] as const;

export const SHORTCUTS = {
  saveAsLead: 'save_as_lead',
  logToLead: 'log_to_lead',
  openTicket: 'open_ticket',
} as const;

export const ACTIONS = {
  ...LEAD_ACTIONS,
  ...TICKET_ACTIONS,
  ...NUDGE_ACTIONS,
  ...MERGE_ACTIONS,
  ...DUPLICATE_ACTIONS,
  /** A "did you mean" or choice button: runs the typed command it carries, as the one who clicks. */
  runCommand: RUN_COMMAND_ACTION,
} as const;

export const FORMS = { ...LEAD_FORMS, ...LOG_FORMS, ...TICKET_FORMS } as const;

export { LEAD_SEARCH_FIELD };
/** The Slack action id of that search (its options are loaded by a listener). */
export const LEAD_SEARCH_ACTION = 'lead_search';

/** Longest command text accepted; longer input is refused with a clear message. */
export const MAX_TEXT = 3000;
