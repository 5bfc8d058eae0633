import type { Logger } from '../../platform/logger';
import type { MemberDirectory } from '../../platform/directory';
import type { WecomClient } from './wecom-client';

/**
 * Real member names from WeCom's contact API. Only apps with contact permission get them (newer
 * self-built apps get the user id, or errcode 48002/60011): then members set their name with /crm name.
 */
export function wecomDirectory(client: WecomClient, logger: Logger): MemberDirectory {
  return {
    async displayName(_corpId, userId) {
      try {
        return await client.userName(userId);
      } catch (err) {
        logger.info({ err: err instanceof Error ? err.message : String(err), userId }, 'WeCom user/get gave no name');
        return null;
      }
    },
  };
}
