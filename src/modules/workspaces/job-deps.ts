import type { Types } from 'mongoose';
import type { Config, Locale } from '../../config';
import type { Logger } from '../../platform/logger';
import type { Card, EntityRef } from '../../platform/cards/card';
import { localeOf, makeCtx } from './ctx';
import type { Ctx } from './ctx';
import type { Platform } from './actor';
import { queueMessage } from '../../platform/outbox/outbox.service';
import type { MemberEntity } from './member.model';
import type { WorkspaceEntity } from './workspace.model';

export interface JobDeps {
  config: Pick<Config, 'DEFAULT_LOCALE'>;
  logger: Logger;
  /** Wake the outbox sender (new messages are waiting). */
  kick: () => void;
}

/** How one run goes: `platform` limits it to that platform's workspaces (the sandbox's Run now). */
export interface RunScope {
  platform?: Platform;
}

export interface JobResult {
  queued: number;
}

/** Most items one run handles per workspace; the rest wait for the next run (a minute later). */
export const BATCH = 200;

/** The card context for a member who will read the message: their language and time zone. */
export function readerCtx(deps: JobDeps, ws: WorkspaceEntity, member: MemberEntity, now: Date): Ctx {
  const locale = localeOf(member, ws.settings!.locale, deps.config.DEFAULT_LOCALE);
  return makeCtx({ workspace: ws, member, platform: ws.platform as Platform, locale, now: () => now }, locale, deps.logger);
}

/** A reader for a channel post: nobody in particular, in the workspace's language, with no rights. */
export function channelCtx(deps: JobDeps, ws: WorkspaceEntity, now: Date): Ctx {
  const nobody = { _id: ws._id, role: 'rep', team: '', locale: null, timezone: null, displayName: '', chosenName: '', platformUserId: '', managerId: null, muted: false } as unknown as MemberEntity;
  return readerCtx(deps, ws, nobody, now);
}

/** Writes one message to the outbox under its idempotency key; 1 when new, 0 when already there. */
export async function queue(
  ws: WorkspaceEntity,
  m: { key: string; to: string; kind: 'dm' | 'channel'; cards: Card[]; locale: Locale; entity?: EntityRef },
  now: Date,
): Promise<number> {
  const wrote = await queueMessage(ws._id as Types.ObjectId, { ...m, platform: ws.platform as Platform, notBefore: now });
  return wrote ? 1 : 0;
}

/** Runs `fn` for each item; one item's failure is logged and does not stop the others. */
export async function eachSafely<T>(items: T[], log: Logger, what: (item: T) => Record<string, unknown>, fn: (item: T) => Promise<void>): Promise<void> {
  for (const item of items) {
    try {
      await fn(item);
    } catch (err) {
      log.error({ err, ...what(item) }, 'job step failed; the next run tries again');
    }
  }
}
