import { z } from 'zod';
import { AppError } from '../errors';

// What a button carries besides its action id: one zod schema per action, written as JSON. Cards
// posted before values were JSON carry "a:b:c" strings; each codec's `legacy` reads those, so a
// button on an old Slack message or WeCom card still works. Values stay short: Slack allows 2000
// characters, a WeCom button key 1024 bytes and a dropdown option id 128 bytes (with the action id).

export interface ActionValueCodec<S extends z.ZodType> {
  /** The value a card's button carries. */
  write(value: z.input<S>): string;
  /** A clicked button's value, parsed; an unreadable one is refused (a forged or damaged payload). */
  read(raw: string): z.output<S>;
}

export function actionCodec<S extends z.ZodType>(action: string, schema: S, legacy: (parts: string[]) => unknown): ActionValueCodec<S> {
  return {
    write(value) {
      // A card that could not be parsed back is a bug here, not a user's mistake: fail where it is built.
      schema.parse(value);
      return JSON.stringify(value);
    },
    read(raw) {
      let data: unknown;
      try {
        data = raw.startsWith('{') ? JSON.parse(raw) : legacy(raw.split(':'));
      } catch {
        data = undefined;
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw new AppError('invalid_input', `bad ${action} value`, { userMessage: { key: 'error.internal' } });
      return parsed.data;
    },
  };
}
