import type { MemberEntity } from './member.model';

/** How a member is shown on cards: the name they chose, else the platform's, else their user id. */
export function memberName(m: Pick<MemberEntity, 'chosenName' | 'displayName' | 'platformUserId'> | null | undefined): string {
  if (!m) return '?';
  return m.chosenName || m.displayName || m.platformUserId;
}
