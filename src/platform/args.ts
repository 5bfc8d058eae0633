// Small readers for command arguments typed in chat.

import { z } from 'zod';
/** Someone named in a command: a platform user id and the name shown; `typed` when written as `@name`, not picked. */
export interface Mention {
  id: string;
  name: string;
  typed?: boolean;
}

/** A parsed mention as command input (keeps `typed`, which a plain object schema would drop). */
export const mentionSchema = z.object({ id: z.string(), name: z.string(), typed: z.boolean().optional() }, { error: 'mention' });

/** `<@U123|alice>` or `<@U123>` (Slack, escaped) or a typed `@userid` / `@李伟` (an id or a name). */
export function parseMention(s: string): Mention | null {
  const t = s.trim();
  const slack = t.match(/^<@([A-Z0-9_.-]+)(?:\|([^>]*))?>$/i);
  if (slack) return { id: slack[1], name: slack[2] ?? '' };
  const plain = t.match(/^[@＠]([^\s@＠<>]{1,64})$/u);
  return plain ? { id: plain[1], name: plain[1], typed: true } : null;
}

/** First word and the rest. */
export function splitFirst(s: string): [string, string] {
  const t = s.trim();
  const m = t.match(/^(\S+)\s*([\s\S]*)$/);
  return m ? [m[1], m[2].trim()] : ['', ''];
}

/** A trailing "page N" / "p N" / "第N页". */
export function takePage(s: string): [string, number] {
  const m = s.match(/^(.*?)\s*(?:(?:page|p)\s*(\d{1,4})|第\s*(\d{1,4})\s*页)\s*$/i);
  if (!m) return [s.trim(), 1];
  return [m[1].trim(), Number(m[2] ?? m[3])];
}
