import { outboxRepo } from '../store/outbox.repo';
import type { OutboxDoc } from '../store/outbox.model';

// The outbox sender's view of the store: due messages, taking an attempt, recording how it went.

export type QueuedMessage = OutboxDoc;

export const dueMessages = (now: Date, limit: number) => outboxRepo.due(now, limit);
export const claimNext = (item: OutboxDoc, owner: string, leaseUntil: Date, staleBefore: Date) => outboxRepo.claim(item, owner, leaseUntil, staleBefore);
export const messageSent = (item: OutboxDoc, at: Date) => outboxRepo.markSent(item, at);
export const retryMessage = (item: OutboxDoc, at: Date, reason: string, uncertain: boolean) => outboxRepo.retryAt(item, at, reason, uncertain);
export const messageGivenUp = (item: OutboxDoc, reason: string) => outboxRepo.giveUp(item, reason);
