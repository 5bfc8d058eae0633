import { Schema, model, type InferSchemaType, type HydratedDocument, type Types } from 'mongoose';

export const ROLES = ['admin', 'manager', 'rep', 'support'] as const;
export type Role = (typeof ROLES)[number];

const memberSchema = new Schema(
  {
    workspaceId: { type: Schema.Types.ObjectId, required: true },
    platformUserId: { type: String, required: true },
    displayName: { type: String, default: '' },
    // The name a member chose with `/crm name` (WeCom callbacks carry only user ids); wins over displayName.
    chosenName: { type: String, default: '' },
    role: { type: String, enum: ROLES, default: 'rep' },
    team: { type: String, default: '' },
    managerId: { type: Schema.Types.ObjectId, default: null },
    locale: { type: String, default: null },
    // `/crm tz`: the IANA zone dates are read and shown in for this member (else the workspace's).
    timezone: { type: String, default: null },
    // `/crm mute`: no nudges by direct message until `/crm unmute`.
    muted: { type: Boolean, default: false },
  },
  { timestamps: true },
);
memberSchema.index({ workspaceId: 1, platformUserId: 1 }, { unique: true });
memberSchema.index({ workspaceId: 1, role: 1, createdAt: 1 });
memberSchema.index({ workspaceId: 1, team: 1 });

export type Member = InferSchemaType<typeof memberSchema> & { role: Role };
export type MemberDoc = HydratedDocument<Member> & { _id: Types.ObjectId };
export const MemberModel = model('Member', memberSchema);
