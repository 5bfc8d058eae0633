import type { Types } from 'mongoose';
import type { Locale } from '../config';
import type { WorkspaceDoc } from '../store/workspace.model';
import type { MemberDoc } from '../store/member.model';

export type Platform = 'slack' | 'wecom' | 'sandbox';

/** Who is acting, where: every domain call takes one, so every query is scoped to its workspace. */
export interface Actor {
  workspace: WorkspaceDoc;
  member: MemberDoc;
  platform: Platform;
  locale: Locale;
  now: () => Date;
}

export const wsId = (a: Actor): Types.ObjectId => a.workspace._id as Types.ObjectId;
