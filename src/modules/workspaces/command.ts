import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n';
import type { Reply } from '../../platform/cards/card';
import type { Ctx } from './ctx';
import type { Role } from './member.model';

export interface CommandDef<I = unknown> {
  /** "lead add": the slash command without "/" and the subcommand. */
  name: string;
  /** Catalogue key of the help line (usage and example). */
  help: MessageKey;
  adminOnly?: boolean;
  /** A bare command ("/pipeline") runs with empty arguments instead of showing help. */
  runsWithoutArgs?: boolean;
  /** Only these roles may run it (help lists it only for them); the domain enforces it too. */
  roles?: Role[];
  /** Turns the argument text into the shape `input` validates. */
  parse: (args: string) => unknown;
  input: z.ZodType<I>;
  run: (ctx: Ctx, input: I) => Promise<Reply>;
}

export function defineCommand<I>(def: CommandDef<I>): CommandDef<I> {
  return def;
}

export const nonEmpty = z.string().trim().min(1);
