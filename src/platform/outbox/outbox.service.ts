import type { Types } from 'mongoose';
import { outboxRepo, type NewOutboxItem } from './outbox.repo';
import type { OutboxDoc } from './outbox.model';

// The outbox: the jobs and the replies' posts queue messages under idempotency keys; the sender takes
// due messages, one attempt at a time, and records how each went.

/** Writes the message unless its key is already queued; the new item when this call wrote it. */
export const queueMessage = (workspaceId: Types.ObjectId | string, item: NewOutboxItem) => outboxRepo.enqueue(workspaceId, item);
export const isQueued = (workspaceId: Types.ObjectId, key: string) => outboxRepo.has(workspaceId, key);

export type QueuedMessage = OutboxDoc;

export const dueMessages = (now: Date, limit: number) => outboxRepo.due(now, limit);
export const claimNext = (item: OutboxDoc, owner: string, leaseUntil: Date, staleBefore: Date) => outboxRepo.claim(item, owner, leaseUntil, staleBefore);
export const messageSent = (item: OutboxDoc, at: Date) => outboxRepo.markSent(item, at);
export const retryMessage = (item: OutboxDoc, at: Date, reason: string, uncertain: boolean) => outboxRepo.retryAt(item, at, reason, uncertain);
export const messageGivenUp = (item: OutboxDoc, reason: string) => outboxRepo.giveUp(item, reason);
