import { useTestDb } from '../helpers/db';
import { buttons, clicked as clickedAs, slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { auditActions, leadBySeq, memberByUser, workspaceOf } from '../helpers/app-data';
import { createLogger } from '../../src/platform/logger';
import { backfillBlockKeys, leadKeysOf, leadsRepo, parseLeadText } from '../../src/modules/leads';
import { runDuplicateScan, SCAN_PAGE } from '../../src/modules/duplicates/duplicate-scan.jobs';
import type { JobDeps } from '../../src/modules/workspaces';

// `/crm duplicates` through signed Slack requests: pairs recorded by "Create anyway" and by the scan
// job, listed within the reader's access, dismissed for good, merged from the list.

useTestDb();
let svc: TestService;
const T0 = new Date('2026-11-30T02:00:00Z');
const deps: JobDeps = { config: { DEFAULT_LOCALE: 'en' }, logger: createLogger('silent'), kick: () => undefined };
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const run = async (user: string, command: string, text: string) => (await slash(svc, command, text, as(user))).body as SlackMessage;
const say = async (user: string, text: string) => visibleText(await run(user, '/lead', text));
const list = (user: string) => run(user, '/crm', 'duplicates');
const idOf = (text: string) => text.match(/L-\d+/)![0];
const clicked = (button: { actionId: string; value: string }, user: string) => clickedAs(svc, button, user);
/** Adds a lead; one the duplicate engine flags is created with "Create anyway". */
const add = async (user: string, text: string) => {
  const m = await run(user, '/lead', `add ${text}`);
  const anyway = buttons(m).find((b) => b.label === 'Create anyway');
  if (!anyway) return idOf(visibleText(m));
  return visibleText(await clicked(anyway, user)).match(/Created (L-\d+)/)![1];
};
/** The Merge / Not a duplicate buttons of the listed pair naming both leads. */
function pairButtons(m: SlackMessage, x: string, y: string) {
  const all = buttons(m);
  const ids = async () => [(await leadBySeq(x))!._id.toHexString(), (await leadBySeq(y))!._id.toHexString()];
  return ids().then(([a, b]) => ({
    merge: all.find((btn) => btn.actionId.split(':')[0] === 'lead_merge' && btn.value.includes(a) && btn.value.includes(b)),
    dismiss: all.find((btn) => btn.actionId.split(':')[0] === 'duplicate_dismiss' && btn.value.includes(a) && btn.value.includes(b)),
  }));
}

beforeAll(async () => {
  svc = await startService({}, () => T0);
  for (const u of ['UADMIN', 'UMGR', 'UREP1', 'UREP2']) await say(u, 'help');
  await run('UADMIN', '/crm', 'role <@UMGR|mgr> manager');
  await run('UADMIN', '/crm', 'team <@UREP1|rep1> east');
  await run('UADMIN', '/crm', 'team <@UMGR|mgr> east');
});
afterAll(async () => svc.close());

describe('/crm duplicates', () => {
  let east: [string, string];
  let other: [string, string];

  it('should list two leads created anyway as a pair, with both leads, their owners, why, and Merge / Not a duplicate', async () => {
    east = [await add('UREP1', 'Northwind Traders; Zhang Wei; +86 138 0000 0001'), await add('UREP1', 'Northwind Trading Co; Wei Zhang; +86 139 0000 0002')];
    other = [await add('UREP2', 'Contoso Ltd; Li Na; li.na@contoso.test'), await add('UREP2', 'Contoso Limited; Li Na; +86 137 0000 0003')];
    const m = await list('UADMIN');
    const text = visibleText(m);
    expect(text).toContain('Likely duplicate leads (2 pairs)');
    expect(text).toContain(`${east[0]} · Northwind Traders · Zhang Wei · owner rep1`);
    expect(text).toContain(`${east[1]} · Northwind Trading Co · Wei Zhang · owner rep1`);
    expect(text).toContain(`${other[0]} · Contoso Ltd · Li Na · owner rep2`);
    expect(text).toMatch(/Why: .*(similar|same) company.*(similar|same) contact/);
    // The same customer (same company core and contact) comes before a possible duplicate.
    expect(text.indexOf(other[0])).toBeLessThan(text.indexOf(east[0]));
    const b = await pairButtons(m, ...east);
    expect(b.merge?.label).toBe('Merge');
    expect(b.dismiss?.label).toBe('Not a duplicate');
  });

  it('should show a manager only the pairs of their team, and refuse a rep', async () => {
    const text = visibleText(await list('UMGR'));
    expect(text).toContain('Likely duplicate leads (1 pairs)');
    expect(text).toContain(east[0]);
    expect(text).not.toContain(other[0]);
    const refused = visibleText(await list('UREP1'));
    expect(refused).toContain('Only managers and admins can review duplicate leads.');
    expect(refused).not.toContain(east[0]);
    expect(visibleText(await run('UMGR', '/crm', 'duplicates scan'))).toContain('Only admins');
  });

  it('should forget a pair marked Not a duplicate for everyone, once, even clicked twice', async () => {
    const { dismiss } = await pairButtons(await list('UADMIN'), ...other);
    const first = visibleText(await clicked(dismiss!, 'UADMIN'));
    expect(first).toContain(`${other[0]} and ${other[1]} are marked as not duplicates`);
    expect(first).not.toContain(`${other[0]} · Contoso`);
    const second = visibleText(await clicked(dismiss!, 'UADMIN'));
    expect(second).toContain(`${other[0]} and ${other[1]} were already marked as not duplicates.`);
    expect((await auditActions('duplicate.dismissed')).length).toBe(1);
    // Not listed again, by anyone, and a scan finding the pair again leaves it dismissed.
    await runDuplicateScan(deps, T0, { force: true });
    expect(visibleText(await list('UADMIN'))).not.toContain(other[0]);
    expect(visibleText(await list('UADMIN'))).toContain('Likely duplicate leads (1 pairs)');
  });

  it('should open the merge confirmation from the list, and not list the pair once merged', async () => {
    const { merge } = await pairButtons(await list('UMGR'), ...east);
    const ask = await clicked(merge!, 'UMGR');
    expect(visibleText(ask)).toContain(`Merge ${east[1]} into ${east[0]}?`);
    const confirm = buttons(ask).find((x) => x.actionId.split(':')[0] === 'lead_merge_confirm')!;
    expect(visibleText(await clicked(confirm, 'UMGR'))).toContain(`${east[1]} is merged into ${east[0]}`);
    const after = visibleText(await list('UMGR'));
    expect(after).not.toContain(east[1]);
    expect(after).toContain('No likely duplicate leads that you can see.');
  });
});

/** Deterministic letters (a small LCG): filler names that share no blocking key with each other. */
function word(seed: number, length: number): string {
  let x = seed * 2654435761 % 4294967296;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out[0].toUpperCase() + out.slice(1);
}

/** Leads written straight through the repository (as an import or an older version would), not through /lead add. */
async function insertBehindCapture(texts: string[], owner: string, firstSeq: number) {
  const ws = (await workspaceOf('slack', 'T1'))!._id;
  const ownerId = (await memberByUser(owner))!._id;
  const rows = texts.map((text, i) => {
    const { input } = parseLeadText(text, { region: 'CN', timeZone: 'Asia/Shanghai', now: T0 });
    if (!input) throw new Error(`not a lead: ${text}`);
    return {
      _id: leadsRepo.newId(), seq: firstSeq + i, company: input.company, contactName: input.contactName, phones: input.phones.map((p) => p.raw), emails: input.emails,
      phoneGuesses: [], source: '', value: null, currency: null, stage: 'new', ownerId, createdById: ownerId, tags: [], nextFollowUpAt: null, nextFollowUpWhat: '',
      followUpPending: false, quietLevel: 0, rev: 0, lostReason: '', lastContactAt: null, keys: leadKeysOf(input),
    };
  });
  await leadsRepo.createMany(ws, rows as never);
  // Leads an older version stored have no blocking keys yet: the start-up backfill gives them theirs.
  await backfillBlockKeys();
}

describe('the duplicate scan job', () => {
  it('should find pairs among leads that never went through a capture path, across pages, and nothing among look-alikes', async () => {
    const fillers = Array.from({ length: SCAN_PAGE + 40 }, (_, i) => `${word(i + 1, 9)} ${word(i + 7001, 7)}; ${word(i + 3001, 5)} ${word(i + 5001, 6)}`);
    // The same customer typed twice (a dotted phone, another legal suffix) at both ends of the walk: two pages apart.
    const texts = ['Fabrikam Industries Co., Limited; Chen Jie; 138.5555.0101', ...fillers, 'Fabrikam Industries Ltd; Chen Jie; +86 138 5555 0101',
      // Look-alikes that must stay apart: the same switchboard, other extensions and other people.
      'Globex Corp; Zhao Lei; 021-6234 5678 ext. 801', 'Globex Corp; Sun Mei; 021-6234 5678 ext. 802'];
    await insertBehindCapture(texts, 'UREP1', 5001);
    // Walked today already (the scan above): the sweep leaves the workspace alone until an admin asks.
    expect((await runDuplicateScan(deps, T0)).scanned).toBe(0);
    expect(visibleText(await list('UADMIN'))).not.toContain('L-5001');
    expect(visibleText(await run('UADMIN', '/crm', 'duplicates scan'))).toContain('Every lead will be checked for duplicates');

    const r = await runDuplicateScan(deps, T0);
    expect(r.scanned).toBeGreaterThanOrEqual(texts.length);
    const text = visibleText(await list('UADMIN'));
    expect(text).toContain('L-5001 · Fabrikam Industries Co., Limited · Chen Jie');
    expect(text).toContain(`L-${5001 + fillers.length + 1} · Fabrikam Industries Ltd · Chen Jie`);
    expect(text).toContain('Why: same phone');
    expect(text).not.toContain('Globex');
    // The request is done: the next run does not walk again.
    expect((await runDuplicateScan(deps, T0)).scanned).toBe(0);

    // A deleted lead's pair is not listed; once the lead is restored, the next scan lists it again.
    await say('UADMIN', 'delete L-5001');
    expect(visibleText(await list('UADMIN'))).not.toContain('Fabrikam');
    await say('UADMIN', 'restore L-5001');
    expect(visibleText(await list('UADMIN'))).not.toContain('Fabrikam');
    await runDuplicateScan(deps, T0, { force: true });
    expect(visibleText(await list('UADMIN'))).toContain('L-5001 · Fabrikam Industries Co., Limited');
  }, 60000);
});
