// Every name the platforms see: slash commands, shortcut callback ids, action ids and form ids.
// The Slack manifests are checked against this file by a test.

export const SLASH_COMMANDS = ['/lead', '/crm'] as const;
export type SlashCommand = (typeof SLASH_COMMANDS)[number];

export const SHORTCUTS = {
  saveAsLead: 'save_as_lead',
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
} as const;

export const FORMS = {
  leadAdd: 'lead_add_form',
  leadFollowUp: 'lead_followup_form',
  leadReassign: 'lead_reassign_form',
  leadLost: 'lead_lost_form',
} as const;

/** Longest command text accepted; longer input is refused with a clear message. */
export const MAX_TEXT = 3000;
