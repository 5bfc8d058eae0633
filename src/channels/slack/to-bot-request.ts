import type { BotRequest } from '../../dispatcher/types';
import {
  blockActionBody,
  messageShortcutBody,
  optionsBody,
  parseSlackPayload,
  slashCommandBody,
  viewSubmissionBody,
} from './slack-payloads';

export type { BlockActionBody, MessageShortcutBody, OptionsBody, SlashCommandBody, ViewSubmissionBody } from './slack-payloads';

// Pure mapping from Slack payloads to neutral requests: each is zod-checked first (slack-payloads.ts), so
// a malformed one throws before anything is dispatched. No I/O, no business rules.

/** Slack escapes links when should_escape is on; keep mentions, turn links back into what was typed. */
export function unescapeSlackText(s: string): string {
  // No class admits "<": an unclosed "<mailto:" then stops at the next one, so a 40,000-character
  // message is read in one pass instead of once per "<".
  return s
    .replace(/<(?:mailto|tel):[^|<>]*\|([^<>]*)>/g, '$1')
    .replace(/<(?:mailto|tel):([^|<>]*)>/g, '$1')
    .replace(/<(https?:\/\/[^|<>]*)\|([^<>]*)>/g, '$2')
    .replace(/<(https?:\/\/[^|<>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function fromSlashCommand(body: unknown): BotRequest {
  const b = parseSlackPayload(slashCommandBody, body, 'slash command');
  return {
    kind: 'command',
    platform: 'slack',
    workspaceId: b.team_id,
    workspaceName: b.team_domain,
    userId: b.user_id,
    userName: b.user_name ?? '',
    channelId: b.channel_id,
    command: b.command,
    text: unescapeSlackText(b.text),
  };
}

interface SlackUser {
  id: string;
  name?: string;
  username?: string;
  team_id?: string;
}

function origin(team: { id: string; domain?: string } | null | undefined, user: SlackUser, channelId?: string) {
  return {
    platform: 'slack' as const,
    workspaceId: team?.id ?? user.team_id ?? '',
    workspaceName: team?.domain,
    userId: user.id,
    userName: user.username ?? user.name ?? '',
    channelId,
  };
}

export function fromBlockAction(body: unknown): BotRequest {
  const b = parseSlackPayload(blockActionBody, body, 'block_actions');
  const a = b.actions[0];
  return { ...origin(b.team, b.user, b.channel?.id), kind: 'action', actionId: a.action_id.replace(/:\d+$/, ''), value: a.value ?? '' };
}

export function fromViewSubmission(body: unknown): BotRequest {
  const b = parseSlackPayload(viewSubmissionBody, body, 'view_submission');
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(b.view.state.values)) {
    const v = Object.values(actions)[0];
    values[blockId] = v?.value ?? v?.selected_user ?? v?.selected_option?.value ?? '';
  }
  return { ...origin(b.team, b.user), kind: 'form', formId: b.view.callback_id, values, metadata: b.view.private_metadata ?? '' };
}

/** A message's permalink in Slack's documented form (no API call needed). */
function permalink(teamDomain: string | undefined, channelId: string | undefined, ts: string | undefined): string {
  if (!channelId || !ts) return '';
  const host = teamDomain ? `https://${teamDomain}.slack.com` : 'https://slack.com';
  return `${host}/archives/${channelId}/p${ts.replace('.', '')}`;
}

export function fromMessageShortcut(body: unknown): BotRequest {
  const b = parseSlackPayload(messageShortcutBody, body, 'message shortcut');
  const m = b.message;
  return {
    ...origin(b.team, b.user, b.channel?.id),
    kind: 'shortcut',
    shortcutId: b.callback_id,
    messageText: unescapeSlackText(m.text ?? ''),
    messageAuthor: m.user ? `<@${m.user}>` : (m.username ?? ''),
    messageLink: permalink(b.team?.domain, b.channel?.id, m.ts ?? b.message_ts),
  };
}

export function fromOptionsRequest(body: unknown): BotRequest {
  const b = parseSlackPayload(optionsBody, body, 'block_suggestion');
  return { ...origin(b.team, b.user), kind: 'suggest', field: 'lead', query: b.value ?? '' };
}
