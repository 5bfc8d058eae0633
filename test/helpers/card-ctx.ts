import type { Locale } from '../../src/config';
import type { Actor } from '../../src/modules/workspaces/actor';
import type { Ctx } from '../../src/modules/workspaces';
import { makeCtx } from '../../src/modules/workspaces/ctx';
import { createLogger } from '../../src/platform/logger';

export const STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

/** A context for building cards without a database: a hand-made workspace and reader. */
export function cardCtx(opts: { memberId?: string; role?: string; locale?: Locale; now?: Date } = {}): Ctx {
  const settings = { locale: opts.locale ?? 'en', timezone: 'Asia/Shanghai', phoneRegion: 'CN', currency: 'CNY', stages: STAGES, stageNames: [] };
  const actor = {
    workspace: { _id: 'ws1', settings },
    member: { _id: opts.memberId ?? 'm-reader', role: opts.role ?? 'rep', platformUserId: 'UREADER', displayName: 'Reader', chosenName: '' },
    platform: 'sandbox',
    locale: opts.locale ?? 'en',
    now: () => opts.now ?? new Date('2030-01-14T02:00:00Z'),
  } as unknown as Actor;
  return makeCtx(actor, opts.locale ?? 'en', createLogger('silent'));
}
