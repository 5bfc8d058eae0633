import type { Types } from 'mongoose';
import { CounterModel } from './counter.model';
import { IdBlockModel } from './id-block.model';
import { isDuplicateKeyError } from '../db/db-errors';

/** Numbers per block; a restart leaves at most two blocks' worth unused (ids skip, never repeat). */
export const ID_BLOCK_SIZE = 20;
/** When this few numbers are left, the next block is fetched before anyone has to wait for it. */
const PREFETCH_AT = ID_BLOCK_SIZE / 2;

interface Sequence {
  ranges: { next: number; end: number }[];
  lastBlock: number | null;
  fetching?: Promise<void>;
}

// One entry per workspace and sequence name this process hands out numbers for.
const sequences = new Map<string, Sequence>();

const left = (s: Sequence) => s.ranges.reduce((n, r) => n + r.end - r.next + 1, 0);

/** The first block of a sequence that has none yet: after what the former counter handed out. */
async function firstBlock(workspaceId: Types.ObjectId, name: string): Promise<number> {
  const last = await IdBlockModel.findOne({ workspaceId, name }).sort({ block: -1 }).lean();
  if (last) return last.block + 1;
  const legacy = await CounterModel.findOne({ workspaceId, name }).lean();
  return Math.ceil((legacy?.seq ?? 0) / ID_BLOCK_SIZE);
}

/** Takes the next free block (one insert; a block another process took sends us past it). */
async function reserveBlock(workspaceId: Types.ObjectId, name: string, s: Sequence): Promise<number> {
  let block = s.lastBlock === null ? await firstBlock(workspaceId, name) : s.lastBlock + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await IdBlockModel.create({ workspaceId, name, block });
      return block;
    } catch (err) {
      if (!isDuplicateKeyError(err) || attempt >= 20) throw err;
      // Another process took it: jump past the latest block anyone holds.
      block = Math.max(block + 1, await firstBlock(workspaceId, name));
    }
  }
}

function fetchBlock(workspaceId: Types.ObjectId, name: string, s: Sequence): Promise<void> {
  s.fetching ??= reserveBlock(workspaceId, name, s)
    .then((block) => {
      s.lastBlock = block;
      s.ranges.push({ next: block * ID_BLOCK_SIZE + 1, end: (block + 1) * ID_BLOCK_SIZE });
    })
    .finally(() => (s.fetching = undefined));
  return s.fetching;
}

export const countersRepo = {
  /**
   * Inserts a document numbered by the sequence `name`. Numbers come from this process's block, so
   * this costs no round trip; the (workspaceId, seq) unique index stays the guard (a number already
   * used, e.g. by data written before blocks, is skipped).
   */
  async insertNumbered<T>(workspaceId: Types.ObjectId, name: string, insert: (seq: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const seq = await this.next(workspaceId, name);
      try {
        return await insert(seq);
      } catch (err) {
        if (!isDuplicateKeyError(err) || attempt >= 20) throw err;
      }
    }
  },

  /** The next number of the workspace's sequence `name`: unique across processes, increasing within one. */
  async next(workspaceId: Types.ObjectId, name: string): Promise<number> {
    const key = `${String(workspaceId)}:${name}`;
    let s = sequences.get(key);
    if (!s) sequences.set(key, (s = { ranges: [], lastBlock: null }));
    for (;;) {
      const r = s.ranges[0];
      if (r) {
        const n = r.next++;
        if (r.next > r.end) s.ranges.shift();
        if (left(s) <= PREFETCH_AT) fetchBlock(workspaceId, name, s).catch(() => undefined);
        return n;
      }
      await fetchBlock(workspaceId, name, s);
    }
  },
};
