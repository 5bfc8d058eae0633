import type { Types } from 'mongoose';
import { changesRepo } from '../store/changes.repo';

/**
 * Runs one conditional update made from an entity's state as read (`basis`: its updatedAt). Of several
 * simultaneous updates from the same state only one runs; the others get null, as if their condition
 * had failed. A reservation whose update did not happen is given back.
 */
export async function oneChange<T>(workspaceId: Types.ObjectId, entityId: Types.ObjectId, basis: Date | undefined, update: () => Promise<T | null>): Promise<T | null> {
  if (!basis) return update();
  if (!(await changesRepo.reserve(workspaceId, entityId, basis))) return null;
  let done: T | null;
  try {
    done = await update();
  } catch (err) {
    await changesRepo.release(entityId, basis).catch(() => undefined);
    throw err;
  }
  if (!done) await changesRepo.release(entityId, basis).catch(() => undefined);
  return done;
}
