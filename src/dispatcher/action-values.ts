import { z } from 'zod';
import { AppError } from '../platform/errors';
import { ACTIONS } from './constants';

// What a button carries besides its action id, one zod schema per action, written as JSON. Cards
// posted before values were JSON carry "a:b:c" strings; each schema's `legacy` reads those, so a
// button on an old Slack message or WeCom card still works. Values stay short: Slack allows 2000
// characters, a WeCom button key 1024 bytes and a dropdown option id 128 bytes (with the action id).

const leadAtStage = z.object({ id: z.string(), from: z.string().optional() });
const historyPage = z.object({ id: z.string(), page: z.number().int().min(1).catch(1) });

const VALUES = {
  /** Move a lead's follow-up (and its nudge) by a day or a week; `due`: the follow-up time the nudge was for. */
  [ACTIONS.nudgeSnooze]: {
    schema: z.object({ id: z.string(), days: z.number().transform((d): 1 | 7 => (d === 7 ? 7 : 1)), due: z.number() }),
    legacy: ([id, days, due]: string[]) => ({ id, days: Number(days), due: Number(due) }),
  },
  /** `from`: the stage the card showed, so a stale card is refused rather than acting twice. */
  [ACTIONS.leadAdvance]: { schema: leadAtStage, legacy: ([id, from]: string[]) => ({ id, from }) },
  [ACTIONS.leadWon]: { schema: leadAtStage, legacy: ([id, from]: string[]) => ({ id, from }) },
  [ACTIONS.leadReopen]: { schema: leadAtStage, legacy: ([id, from]: string[]) => ({ id, from }) },
  [ACTIONS.leadHistory]: { schema: historyPage, legacy: ([id, page]: string[]) => ({ id, page: Number(page) }) },
  [ACTIONS.ticketPage]: {
    schema: z.object({ filter: z.enum(['all', 'open', 'mine', 'unclaimed']).catch('open'), page: z.number().int().min(1).catch(1) }),
    legacy: ([filter, page]: string[]) => ({ filter, page: Number(page) }),
  },
} as const;

type Valued = keyof typeof VALUES;
export type ActionValue<A extends Valued> = z.output<(typeof VALUES)[A]['schema']>;

/** The value a card's button carries for `action`. */
export function actionValue<A extends Valued>(action: A, value: z.input<(typeof VALUES)[A]['schema']>): string {
  // A card that could not be parsed back is a bug here, not a user's mistake: fail where it is built.
  VALUES[action].schema.parse(value);
  return JSON.stringify(value);
}

/** A clicked button's value, parsed; an unreadable one is refused (a forged or damaged payload). */
export function parseActionValue<A extends Valued>(action: A, raw: string): ActionValue<A> {
  const { schema, legacy } = VALUES[action];
  let data: unknown;
  try {
    data = raw.startsWith('{') ? JSON.parse(raw) : legacy(raw.split(':'));
  } catch {
    data = undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError('invalid_input', `bad ${action} value`, { userMessage: { key: 'error.internal' } });
  return parsed.data as ActionValue<A>;
}
