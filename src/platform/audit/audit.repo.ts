import type { Types } from 'mongoose';
import { AuditEventModel } from './audit-event.model';
import { auditWriter, newAuditId } from './audit-writer';

export interface AuditInput {
  actorId: Types.ObjectId | null;
  platform: string;
  action: string;
  entity: string;
  entityId: Types.ObjectId;
  before: unknown;
  after: unknown;
  /** When it happened (the actor's clock); defaults to now. */
  at?: Date;
}

export const auditRepo = {
  /** Hands the event to the audit writer (written after the answer, never dropped): no round trip here. */
  async record(workspaceId: Types.ObjectId, e: AuditInput): Promise<Types.ObjectId> {
    const _id = newAuditId();
    auditWriter.add({ _id, workspaceId, actorId: e.actorId, platform: e.platform, action: e.action, entity: e.entity, entityId: e.entityId, before: e.before ?? null, after: e.after ?? null, at: e.at ?? new Date(), undoneAt: null });
    return _id;
  },

  /** A member's latest event among `actions` since `since` (on one entity when given). */
  async lastBy(workspaceId: Types.ObjectId, actorId: Types.ObjectId, actions: string[], since: Date, entityId?: Types.ObjectId) {
    const f: Record<string, unknown> = { workspaceId, actorId, action: { $in: actions }, at: { $gte: since } };
    if (entityId) f.entityId = entityId;
    await auditWriter.settled();
    return AuditEventModel.findOne(f).sort({ at: -1, _id: -1 }).lean();
  },

  /** Marks an event undone; false when it already was. */
  async markUndone(workspaceId: Types.ObjectId, id: Types.ObjectId, at: Date): Promise<boolean> {
    await auditWriter.settled();
    const res = await AuditEventModel.updateOne({ workspaceId, _id: id, undoneAt: null }, { $set: { undoneAt: at } });
    return res.modifiedCount === 1;
  },

  async forEntity(workspaceId: Types.ObjectId, entity: string, entityId: Types.ObjectId) {
    await auditWriter.settled();
    return AuditEventModel.find({ workspaceId, entity, entityId }).sort({ at: 1 }).lean();
  },

  /** A workspace's events (with one of `actions` when given), oldest first: the trail across entities, e.g. a pipeline change. */
  async trail(workspaceId: Types.ObjectId, actions?: string[]) {
    await auditWriter.settled();
    return AuditEventModel.find(actions ? { workspaceId, action: { $in: actions } } : { workspaceId }).sort({ at: 1, _id: 1 }).lean();
  },
};
