// "Did you mean …" and "choose one": cards whose buttons run a command, as if the reader typed it.
import type { Card, CardAction } from './card';

/** The action id of a button that runs the typed command it carries, as the one who clicks. */
export const RUN_COMMAND_ACTION = 'run_command';

// Slack's button value holds 2000 characters; the JSON around the text takes a few.
export const MAX_VALUE_TEXT = 1900;

/** A slash command as a button carries it ("/lead"); the dispatcher checks it is one it knows. */
export type SlashCommandName = `/${string}`;

/** A button that runs `c t`; none when the text is too long to carry (the card still names the command). */
export function commandButton(label: string, c: SlashCommandName, t: string, style?: CardAction['style']): CardAction | null {
  if (t.length > MAX_VALUE_TEXT) return null;
  return { id: RUN_COMMAND_ACTION, label, value: JSON.stringify({ c, t }), ...(style ? { style } : {}) };
}

export interface Choice {
  label: string;
  command: SlashCommandName;
  text: string;
  primary?: boolean;
}

/** A warning card: what went wrong, then one button per choice (the typed commands too, for WeCom robots). */
export function choicesCard(text: string, choices: Choice[], extra: CardAction[] = []): Card {
  const buttons = choices.map((c) => commandButton(c.label, c.command, c.text, c.primary ? 'primary' : undefined)).filter((b): b is CardAction => b !== null);
  return {
    tone: 'warning',
    text,
    actions: [...buttons, ...extra],
    commands: choices.map((c) => `${c.command} ${c.text}`.trim()),
  };
}
