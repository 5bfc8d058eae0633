import type { Types } from 'mongoose';
import { AuditEventModel } from './audit-event.model';

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
  async record(workspaceId: Types.ObjectId, e: AuditInput): Promise<void> {
    await AuditEventModel.create({ workspaceId, ...e, at: e.at ?? new Date() });
  },

  async forEntity(workspaceId: Types.ObjectId, entity: string, entityId: Types.ObjectId) {
    return AuditEventModel.find({ workspaceId, entity, entityId }).sort({ at: 1 }).lean();
  },
};
