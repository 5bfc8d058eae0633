import type { Types } from 'mongoose';
import { changesRepo } from './changes.repo';

/**
 * Runs one conditional update made from an entity's state as read (`basis`: its `rev`, which every
 * update bumps). Of several simultaneous updates from the same state only one runs; the others get
 * null, as if their condition had failed. A reservation whose update did not happen is given back;
 * after an error it is kept only when `current` shows the update did happen (the revision moved on).
 */
export async function oneChange<T>(
  workspaceId: Types.ObjectId,
  entityId: Types.ObjectId,
  basis: number,
  update: () => Promise<T | null>,
  current: () => Promise<{ rev?: number | null } | null>,
): Promise<T | null> {
  if (!(await changesRepo.reserve(workspaceId, entityId, basis))) return null;
  const giveBack = () => changesRepo.release(entityId, basis).catch(() => undefined);
  let done: T | null;
  try {
    done = await update();
  } catch (err) {
    const now = await current().catch(() => null);
    if ((now?.rev ?? 0) === basis) await giveBack();
    throw err;
  }
  if (!done) await giveBack();
  return done;
}
