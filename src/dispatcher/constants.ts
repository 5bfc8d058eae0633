// Every name the platforms see: slash commands, shortcut callback ids, action ids and form ids.
// The Slack manifests are checked against this file by a test.

export const SLASH_COMMANDS = ['/lead', '/crm', '/log', '/ticket', '/pipeline', '/undo'] as const;

export const SHORTCUTS = {
  saveAsLead: 'save_as_lead',
  logToLead: 'log_to_lead',
  openTicket: 'open_ticket',
} as const;

export const ACTIONS = {
  leadAdvance: 'lead_advance',
  leadFollowUp: 'lead_followup',
  leadAssignMe: 'lead_assign_me',
  leadReassign: 'lead_reassign',
  leadWon: 'lead_won',
  leadLost: 'lead_lost',
  leadOpen: 'lead_open',
  leadCreateAnyway: 'lead_create_anyway',
  leadPage: 'lead_page',
  leadLog: 'lead_log',
  leadHistory: 'lead_history',
  leadReopen: 'lead_reopen',
  leadUndo: 'lead_undo',
  leadRestore: 'lead_restore',
  ticketClaim: 'ticket_claim',
  ticketResolve: 'ticket_resolve',
  ticketReopen: 'ticket_reopen',
  ticketEscalate: 'ticket_escalate',
  ticketReassign: 'ticket_reassign',
  ticketPage: 'ticket_page',
  nudgeSnooze: 'nudge_snooze',
  /** A "did you mean" or choice button: runs the typed command it carries, as the one who clicks. */
  runCommand: 'run_command',
} as const;

export const FORMS = {
  leadAdd: 'lead_add_form',
  leadFollowUp: 'lead_followup_form',
  leadReassign: 'lead_reassign_form',
  leadLost: 'lead_lost_form',
  leadEdit: 'lead_edit_form',
  log: 'log_form',
  ticketNew: 'ticket_new_form',
  ticketResolve: 'ticket_resolve_form',
  ticketReopen: 'ticket_reopen_form',
  ticketReassign: 'ticket_reassign_form',
} as const;

/** Form field ids with a platform-specific search (Slack: an external select loading options as you type). */
export const LEAD_SEARCH_FIELD = 'lead';
/** The Slack action id of that search (its options are loaded by a listener). */
export const LEAD_SEARCH_ACTION = 'lead_search';

/** Longest command text accepted; longer input is refused with a clear message. */
export const MAX_TEXT = 3000;
