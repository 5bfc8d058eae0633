// The way back in for a run-command button (built by platform/cards/choices): zod-parsed, known commands only.
import { z } from 'zod';
import { MAX_VALUE_TEXT } from '../platform/cards/choices';
import { SLASH_COMMANDS } from './constants';

export { choicesCard, commandButton, type Choice } from '../platform/cards/choices';

/** What a run-command button carries (zod-parsed on the way back in). */
export const runCommandValue = z.object({ c: z.enum(SLASH_COMMANDS), t: z.string().max(MAX_VALUE_TEXT) });
export type RunCommand = z.infer<typeof runCommandValue>;

export function parseRunCommand(value: string): RunCommand | null {
  try {
    const v = runCommandValue.safeParse(JSON.parse(value));
    return v.success ? v.data : null;
  } catch {
    return null;
  }
}
