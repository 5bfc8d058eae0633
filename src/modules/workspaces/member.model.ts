import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const ROLES = ['admin', 'manager', 'rep', 'support'] as const;
export type Role = (typeof ROLES)[number];
export type NameSource = 'handle' | 'platform';

const memberSchema = new Schema(
  {
    workspaceId: { type: Schema.Types.ObjectId, required: true },
    platformUserId: { type: String, required: true },
    displayName: { type: String, default: '' },
    // Where displayName came from: 'platform' (Slack users.info, WeCom user/get, the sandbox's roster) is
    // the real name and is never replaced by a 'handle' (a mention's @text, Slack's deprecated user_name).
    nameSource: { type: String, enum: ['handle', 'platform'], default: 'handle' },
    // When the platform's directory was last asked for the name (not again within a day when it had none).
    nameCheckedAt: { type: Date, default: null },
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
/** A member as the repo returns it: a plain object, never a mongoose document. */
export type MemberEntity = Member & { _id: Types.ObjectId };
export const MemberModel = model('Member', memberSchema);
