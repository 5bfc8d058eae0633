// The port through which the domain asks a chat platform for a member's real display name (Slack
// users.info, WeCom user/get). Each platform adapter implements it; the domain never imports one.

export interface MemberDirectory {
  /** The member's display name, or null when the platform will not tell (no scope, no permission). */
  displayName(workspaceExternalId: string, userId: string): Promise<string | null>;
}

/** How long a request waits for the directory before going on with the name it has. */
export const DIRECTORY_TIMEOUT_MS = 1500;
/** After the directory had no name, how long before asking again. */
export const DIRECTORY_RETRY_MS = 24 * 3600_000;

/** The directory's answer within the time limit; any failure is "no name" (the caller keeps what it has). */
export async function lookUpName(dir: MemberDirectory, workspaceExternalId: string, userId: string): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), DIRECTORY_TIMEOUT_MS);
  });
  try {
    const name = await Promise.race([dir.displayName(workspaceExternalId, userId).catch(() => null), late]);
    const clean = name?.trim().replace(/\s+/g, ' ').slice(0, 60);
    return clean || null;
  } finally {
    clearTimeout(timer);
  }
}
