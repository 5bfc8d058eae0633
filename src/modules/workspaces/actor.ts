import type { Types } from 'mongoose';
import type { Locale } from '../../config';
import type { WorkspaceEntity } from './workspace.model';
import type { MemberEntity } from './member.model';
import type { MemberDirectory } from '../../platform/directory';

export type Platform = 'slack' | 'wecom' | 'sandbox';

/** Who is acting, where: every domain call takes one, so every query is scoped to its workspace. */
export interface Actor {
  workspace: WorkspaceEntity;
  member: MemberEntity;
  platform: Platform;
  locale: Locale;
  now: () => Date;
  /** The platform's member directory, for real display names (absent in jobs and the sandbox). */
  directory?: MemberDirectory;
}

export const wsId = (a: Actor): Types.ObjectId => a.workspace._id as Types.ObjectId;
