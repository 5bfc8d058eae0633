import type { App } from '@slack/bolt';
import type { Logger } from '../../platform/logger';
import type { MemberDirectory } from '../../platform/directory';

/** Real member names from Slack's users.info (needs the `users:read` scope the manifests declare). */
export function slackDirectory(client: App['client'], logger: Logger): MemberDirectory {
  return {
    async displayName(_teamId, userId) {
      try {
        const res = await client.users.info({ user: userId });
        const u = res.user;
        // What Slack itself shows: the display name, else the full name; the handle only as a last resort.
        return u?.profile?.display_name || u?.profile?.real_name || u?.real_name || null;
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err), userId }, 'Slack users.info failed');
        return null;
      }
    },
  };
}
