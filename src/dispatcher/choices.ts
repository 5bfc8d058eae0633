// "Did you mean …" and "choose one": cards whose buttons run a command, as if the reader typed it.
import { z } from 'zod';
import type { Card, CardAction } from '../platform/cards/card';
import { ACTIONS, SLASH_COMMANDS } from './constants';

// Slack's button value holds 2000 characters; the JSON around the text takes a few.
const MAX_VALUE_TEXT = 1900;

/** What a run-command button carries (zod-parsed on the way back in). */
export const runCommandValue = z.object({ c: z.enum(SLASH_COMMANDS), t: z.string().max(MAX_VALUE_TEXT) });
export type RunCommand = z.infer<typeof runCommandValue>;

/** A button that runs `c t`; none when the text is too long to carry (the card still names the command). */
export function commandButton(label: string, c: RunCommand['c'], t: string, style?: CardAction['style']): CardAction | null {
  if (t.length > MAX_VALUE_TEXT) return null;
  return { id: ACTIONS.runCommand, label, value: JSON.stringify({ c, t }), ...(style ? { style } : {}) };
}

export function parseRunCommand(value: string): RunCommand | null {
  try {
    const v = runCommandValue.safeParse(JSON.parse(value));
    return v.success ? v.data : null;
  } catch {
    return null;
  }
}

export interface Choice {
  label: string;
  command: RunCommand['c'];
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
