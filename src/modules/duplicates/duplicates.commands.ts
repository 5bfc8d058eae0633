import { z } from 'zod';
import { reply, type Reply } from '../../platform/cards/card';
import { infoCard } from '../../platform/cards/notices';
import { defineCommand, memberName, type CommandDef, type Ctx } from '../workspaces';
import { leadRef, membersById, type LeadEntity } from '../leads';
import { dismissPair, listDuplicates, requestScan, type PairList } from './pairs.service';
import { duplicatesCards, type PairSide } from './duplicates.cards';
import { DUPLICATE_ACTIONS, DUPLICATE_VALUES } from './duplicates.ids';

// `/crm duplicates` (查重, 重复线索): likely duplicate pairs within the reader's access, for managers and
// admins; `/crm duplicates scan` (重新查重) asks the scan job to walk every lead again (admins).

async function listReply(ctx: Ctx, notice?: string): Promise<Reply> {
  const list: PairList = await listDuplicates(ctx.actor);
  const owners = await membersById(ctx.actor, list.pairs.flatMap((p) => [p.a.ownerId, p.b.ownerId]));
  const side = (l: LeadEntity): PairSide => ({ id: String(l._id), ref: leadRef(l), company: l.company, contact: l.contactName, owner: memberName(owners.get(String(l.ownerId)) ?? null) });
  const pairs = list.pairs.map((p) => ({ a: side(p.a), b: side(p.b), verdict: p.verdict, reasons: p.reasons }));
  return reply(duplicatesCards(ctx, { pairs, more: list.more, capped: list.capped }, notice));
}

const SCAN_WORDS = ['scan', 'rescan', '扫描', '查重', '重新查重'];

const duplicates = defineCommand({
  name: 'crm duplicates',
  help: 'help.crm.duplicates',
  roles: ['manager', 'admin'],
  parse: (args) => {
    const word = args.trim().toLowerCase();
    return { scan: word === '' ? false : SCAN_WORDS.includes(word) ? true : undefined };
  },
  input: z.object({ scan: z.boolean() }),
  run: async (ctx, { scan }) => {
    if (!scan) return listReply(ctx);
    await requestScan(ctx.actor);
    return reply([infoCard(ctx.t('duplicates.scan_requested'))]);
  },
});

export const duplicatesCommands: CommandDef<never>[] = [duplicates] as unknown as CommandDef<never>[];

export const duplicatesActions: Record<string, (ctx: Ctx, value: string) => Promise<Reply>> = {
  [DUPLICATE_ACTIONS.duplicateDismiss]: async (ctx, value) => {
    const { a, b } = DUPLICATE_VALUES.duplicateDismiss.read(value);
    const r = await dismissPair(ctx.actor, a, b);
    const notice = ctx.t(r.already ? 'duplicates.already_dismissed' : 'duplicates.dismissed', { a: leadRef(r.a), b: leadRef(r.b) });
    return { ...(await listReply(ctx, notice)), replaceOriginal: true };
  },
};
