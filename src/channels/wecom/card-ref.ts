// What ChatCRM remembers of a card sent to a WeCom member, to redraw it later: the card's task id
// (kept on redraws), the send-time response code ('' once spent) and when that code was issued.
import { newTaskId } from './render-wecom';

/** WeCom's response codes are single-use and expire after 72 hours; an hour's margin. */
const CODE_LIFETIME_MS = 71 * 3_600_000;

export interface CardRef {
  taskId: string;
  code: string;
  /** When the code was issued (ms); absent in copies remembered before it was recorded. */
  at?: number;
}

export function parseCardRef(ref: string): CardRef {
  try {
    const r = JSON.parse(ref) as Partial<CardRef>;
    return { taskId: r.taskId || newTaskId(), code: r.code ?? '', at: typeof r.at === 'number' ? r.at : undefined };
  } catch {
    return { taskId: newTaskId(), code: '' };
  }
}

/** A code that has not been spent and is still within its lifetime (unknown age: try it). */
export function codeUsable(ref: CardRef, now: number): boolean {
  return ref.code !== '' && (ref.at === undefined || now - ref.at < CODE_LIFETIME_MS);
}
