import { useTestDb } from '../helpers/db';
import { buttons, click, slash, startService, visibleText, type TestService, clicked as clickedAs, type SlackMessage } from '../helpers/service';
import { auditActions, heldKeys, interactionsOf, leadBySeq, ticketByRef } from '../helpers/app-data';

// Merging two leads of one customer and taking it back, through signed Slack requests.

useTestDb();
let svc: TestService;
const T0 = new Date('2026-11-30T02:00:00Z');
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const run = async (user: string, command: string, text: string) => (await slash(svc, command, text, as(user))).body as SlackMessage;
const say = async (user: string, text: string) => visibleText(await run(user, '/lead', text));
const idOf = (text: string) => text.match(/L-\d+/)![0];
/** Adds a lead; a second lead of the same customer is caught by the duplicate engine, so it is made with "Create anyway". */
const add = async (user: string, text: string) => {
  const m = await run(user, '/lead', `add ${text}`);
  const anyway = buttons(m).find((b) => b.label === 'Create anyway');
  if (!anyway) return idOf(visibleText(m));
  return visibleText(await clicked(anyway, user)).match(/Created (L-\d+)/)![1];
};
const clicked = (button: { actionId: string; value: string }, user: string) => clickedAs(svc, button, user);
const button = (m: SlackMessage, actionId: string) => buttons(m).find((b) => b.actionId.split(':')[0] === actionId)!;
/** What a merge must not touch or must put back, read from the store. */
async function state(ref: string) {
  const l = (await leadBySeq(ref))!;
  const { updatedAt, rev, ...rest } = l as typeof l & { updatedAt: Date; rev: number };
  void updatedAt;
  void rev;
  return { lead: JSON.parse(JSON.stringify(rest)), keys: await heldKeys(l), interactions: (await interactionsOf(l)).map((i) => String(i._id)).sort() };
}

beforeAll(async () => {
  svc = await startService({}, () => T0);
  await say('UADMIN', 'help');
  await say('UREP1', 'help');
  await say('UREP2', 'help');
  await run('UADMIN', '/crm', 'role <@UMGR|mgr> manager');
  await run('UADMIN', '/crm', 'team <@UREP1|rep1> east');
  await run('UADMIN', '/crm', 'team <@UMGR|mgr> east');
});
afterAll(async () => svc.close());
beforeEach(() => svc.slack.reset());

describe('/lead merge', () => {
  let keep: string;
  let lose: string;
  let ticketRef: string;
  let loserInteractions: string[];

  it('should confirm first, then move interactions, a ticket, the follow-up, tags, phones and e-mails onto the older lead', async () => {
    keep = await add('UREP1', 'Northwind Traders; Zhang Wei; +86 138 0000 0001; tags: vip');
    lose = await add('UREP1', 'Northwind Trading Co; Wei Zhang; +86 139 0000 0002; wei@northwind.test; value: 50k; tags: expo');
    await run('UREP1', '/log', `${lose} call asked for a quote`);
    await say('UREP1', `next ${lose} 2030-01-15 send the quote`);
    ticketRef = visibleText(await run('UREP1', '/ticket', `new ${lose} invoice is wrong`)).match(/T-\d+/)![0];
    loserInteractions = (await state(lose)).interactions;
    expect(loserInteractions.length).toBeGreaterThan(0);

    const ask = await run('UREP1', '/lead', `merge ${keep} ${lose}`);
    const text = visibleText(ask);
    expect(text).toContain(`Merge ${lose} into ${keep}?`);
    expect(text).toContain(`${keep} (Northwind Traders, Zhang Wei, owner rep1) is kept`);
    expect(text).toContain(`Moves to ${keep}: ${loserInteractions.length} interactions, 1 tickets`);
    expect(text).toContain('Phones added: +86 139 0000 0002');
    expect(text).toContain('Emails added: wei@northwind.test');
    expect(text).toContain('Tags added: expo');
    expect(text).toMatch(/Value from L-\d+: .*50,000/);
    expect(text).toContain(`Next follow-up from ${lose} (the earlier one)`);
    // Nothing changes before Confirm.
    expect((await leadBySeq(lose))!.deletedAt).toBeNull();

    const done = await clicked(button(ask, 'lead_merge_confirm'), 'UREP1');
    expect(visibleText(done)).toContain(`${lose} is merged into ${keep}: ${loserInteractions.length} interactions and 1 tickets moved.`);
    // A rep's result has no Undo: only admins take a merge back.
    expect(buttons(done).map((b) => b.actionId.split(':')[0])).not.toContain('lead_unmerge');

    const survivor = (await leadBySeq(keep))!;
    const loser = (await leadBySeq(lose))!;
    expect(loser.deletedAt).not.toBeNull();
    expect(String(loser.mergedInto)).toBe(String(survivor._id));
    expect(survivor).toMatchObject({ phones: ['+86 138 0000 0001', '+86 139 0000 0002'], emails: ['wei@northwind.test'], tags: ['vip', 'expo'], value: 50000, nextFollowUpWhat: 'send the quote', followUpPending: true });
    expect((await interactionsOf(survivor)).map((i) => String(i._id))).toEqual(expect.arrayContaining(loserInteractions));
    expect(await interactionsOf(loser)).toEqual([]);
    expect(String((await ticketByRef(ticketRef))!.leadId)).toBe(String(survivor._id));
    expect(await heldKeys(survivor)).toEqual(expect.arrayContaining(['phone:+8613900000002', 'email:wei@northwind.test', 'phone:+8613800000001']));
    expect(await heldKeys(loser)).toEqual([]);
    const [ev] = await auditActions('lead.merged');
    expect(ev).toMatchObject({ entityId: survivor._id, before: { survivor: { seq: survivor.seq, tags: ['vip'] }, loser: { seq: loser.seq, value: 50000 } } });
  });

  it("should let the merged lead's id lead to the lead kept", async () => {
    const shown = await say('UREP1', `show ${lose}`);
    expect(shown).toContain(`${lose} was merged into ${keep}. This is ${keep}.`);
    expect(shown).toContain(`${keep} · Northwind Traders`);
    expect(await say('UREP1', `won ${lose}`)).toContain(`${lose} was merged into ${keep}. Open ${keep} instead`);
    // Its phone now finds the lead kept.
    // Another name on the merged-in phone: a possible duplicate of the kept lead, for the same phone.
    expect(await say('UREP1', 'add Someone New; Li Lei; +86 139 0000 0002')).toMatch(new RegExp(`${keep} · Northwind Traders · Zhang Wei .* — same phone`));
  });

  it('should say clearly when a lead is merged into itself, is unknown, is already merged or the ids are not ids', async () => {
    expect(await say('UREP1', `merge ${keep} ${keep}`)).toContain(`A lead cannot be merged into itself (${keep}).`);
    expect(await say('UREP1', `merge ${keep} L-9999`)).toContain('There is no lead L-9999 in this workspace.');
    expect(await say('UREP1', `merge ${keep} ${lose}`)).toContain(`${lose} is already merged into ${keep}.`);
    expect(await say('UREP1', `merge ${keep} banana`)).toContain('“banana” is not a lead id');
    expect(await say('UREP1', `merge ${keep}`)).toContain('/lead merge L-12 L-31');
  });

  it('should refuse a rep who cannot see both leads, by command and by a forged click, and change nothing', async () => {
    const mine = await add('UREP2', 'Contoso Pharma; Megan Bowen; megan@contoso.test');
    const theirs = await add('UREP1', 'Contoso Pharmaceuticals; Bowen Megan; +86 137 0000 0003');
    const before = [await state(mine), await state(theirs)];
    expect(await say('UREP2', `merge ${mine} ${theirs}`)).toContain(`You cannot see ${theirs}: it belongs to rep1`);
    const ask = await run('UADMIN', '/lead', `merge ${mine} ${theirs}`);
    expect(visibleText(await clicked(button(ask, 'lead_merge_confirm'), 'UREP2'))).toContain(`You cannot see ${theirs}`);
    expect(visibleText(await clicked(button(ask, 'lead_merge'), 'UREP2'))).toContain(`You cannot see`);
    // A manager may merge within the team only.
    expect(await say('UMGR', `merge ${mine} ${theirs}`)).toContain(`You cannot see ${mine}`);
    expect([await state(mine), await state(theirs)]).toEqual(before);
    expect(await auditActions('lead.merged')).toHaveLength(1);
  });

  it('should merge once when two people click Confirm at the same moment', async () => {
    const a = await add('UREP1', 'Fabrikam Foods; Chen Gang; +86 136 0000 0004');
    const b = await add('UREP1', 'Fabrikam Food Ltd; Gang Chen; chen@fabrikam.test');
    const ask = await run('UMGR', '/lead', `merge ${a} ${b}`);
    const confirm = button(ask, 'lead_merge_confirm');
    const clicks = await Promise.all([click(svc, confirm, { user: 'UMGR' }), click(svc, confirm, { user: 'UREP1' }), click(svc, confirm, { user: 'UADMIN' })]);
    await svc.slack.waitFor(() => clicks.every((c) => svc.slack.responses(c.responseId).length > 0));
    const answers = clicks.map((c) => visibleText(svc.slack.responses(c.responseId)[0].body as SlackMessage));
    expect(answers.filter((t) => t.includes(`${b} is merged into ${a}`))).toHaveLength(1);
    for (const t of answers.filter((x) => !x.includes(`${b} is merged into ${a}`))) expect(t).toMatch(new RegExp(`${b} is already merged into ${a}|${b} or ${a} was being changed at the same moment`));
    expect(await auditActions('lead.merged')).toHaveLength(2);
    expect((await leadBySeq(a))!.emails).toEqual(['chen@fabrikam.test']);
  });

  it('should keep the older lead when the Merge button does not name one, and offer to keep the other instead', async () => {
    const older = await add('UMGR', 'Tailspin Toys; Lin Tao; +86 135 0000 0005');
    const newer = await add('UMGR', 'Tailspin Toys Co; Tao Lin; lin@tailspin.test');
    const [o, n] = [(await leadBySeq(older))!, (await leadBySeq(newer))!];
    const ask = await clicked({ actionId: 'lead_merge', value: JSON.stringify({ ids: [String(n._id), String(o._id)] }) }, 'UMGR');
    expect(visibleText(ask)).toContain(`Merge ${newer} into ${older}?`);
    const swapped = await clicked(button(ask, 'lead_merge'), 'UMGR');
    expect(visibleText(swapped)).toContain(`Merge ${older} into ${newer}?`);
    expect(visibleText(await clicked(button(swapped, 'lead_merge_cancel'), 'UMGR'))).toContain('Merge cancelled; nothing changed.');
    expect((await leadBySeq(older))!.deletedAt).toBeNull();
  });
});

describe('what a merge keeps', () => {
  it('should take the earlier follow-up, and none onto a closed lead', async () => {
    const a = await add('UREP1', 'Adventure Works; Wu Lan; +86 132 0000 0008');
    const b = await add('UREP1', 'Adventure Works Ltd; Lan Wu; wu@adventure.test');
    await say('UREP1', `next ${a} 2030-03-01 visit`);
    await say('UREP1', `next ${b} 2030-02-01 call`);
    await say('UREP1', `merge ${a} ${b} confirm`);
    expect((await leadBySeq(a))!).toMatchObject({ nextFollowUpAt: new Date('2030-02-01T01:00:00Z'), nextFollowUpWhat: 'call' });

    const won = await add('UREP1', 'Blue Yonder Airlines; Xu Ming; +86 131 0000 0009');
    const open = await add('UREP1', 'Blue Yonder Air; Ming Xu; xu@blueyonder.test');
    await say('UREP1', `won ${won}`);
    await say('UREP1', `next ${open} 2030-02-01 call`);
    expect(await say('UREP1', `merge ${won} ${open}`)).not.toContain('Next follow-up from');
    await say('UREP1', `merge ${won} ${open} confirm`);
    expect((await leadBySeq(won))!).toMatchObject({ stage: 'won', nextFollowUpAt: null, followUpPending: false });
  });

  it('should not let /undo reach past a merge or change the merged lead', async () => {
    const a = await add('UREP1', 'Proseware; Gao Yan; +86 185 0000 0012');
    const b = await add('UREP1', 'Proseware Inc; Yan Gao; gao@proseware.test');
    await say('UREP1', `edit ${b} tags: edited`);
    await say('UREP1', `merge ${a} ${b} confirm`);
    expect(visibleText(await run('UREP1', '/undo', ''))).toContain('Nothing to undo');
    const loser = (await leadBySeq(b))!;
    expect(visibleText(await clicked({ actionId: 'lead_undo', value: String(loser._id) }, 'UREP1'))).toContain(`${b} was merged into another lead`);
    expect((await leadBySeq(b))!.tags).toEqual(['edited']);
  });

  it('should show the merge again, merging nothing, when a lead changed after the confirmation was shown', async () => {
    const a = await add('UREP1', 'Coho Winery; He Jun; +86 130 0000 0010');
    const b = await add('UREP1', 'Coho Wines; Jun He; he@coho.test');
    const ask = await run('UREP1', '/lead', `merge ${a} ${b}`);
    await say('UREP1', `edit ${b} tags: wine`);
    const again = await clicked(button(ask, 'lead_merge_confirm'), 'UREP1');
    expect(visibleText(again)).toContain(`${b} or ${a} changed since the merge was shown. Here it is as it would be now.`);
    expect(visibleText(again)).toContain('Tags added: wine');
    expect((await leadBySeq(b))!.deletedAt).toBeNull();
    expect(visibleText(await clicked(button(again, 'lead_merge_confirm'), 'UREP1'))).toContain(`${b} is merged into ${a}`);
  });
});

describe('/lead unmerge', () => {
  it('should let an admin take a merge back exactly, and refuse anyone else', async () => {
    const keep = await add('UREP1', 'Litware Inc; Zhao Qiang; +86 134 0000 0006; tags: key');
    const lose = await add('UREP1', 'Litware Incorporated; Qiang Zhao; +86 133 0000 0007; zhao@litware.test; value: 20k');
    await run('UREP1', '/log', `${lose} meeting demo went well`);
    await run('UREP1', '/log', `${keep} call intro`);
    await say('UREP1', `next ${lose} 2030-02-01 call back`);
    const tRef = visibleText(await run('UREP1', '/ticket', `new ${lose} login fails`)).match(/T-\d+/)![0];
    const before = [await state(keep), await state(lose)];

    const ask = await run('UADMIN', '/lead', `merge ${keep} ${lose}`);
    const done = await clicked(button(ask, 'lead_merge_confirm'), 'UADMIN');
    expect(visibleText(done)).toContain(`${lose} is merged into ${keep}`);
    const undo = button(done, 'lead_unmerge');
    expect(undo).toBeDefined();

    expect(await say('UREP1', `unmerge ${lose}`)).toContain('Only admins can do that.');
    expect(visibleText(await clicked(undo, 'UREP1'))).toContain('Only admins can do that.');
    expect((await leadBySeq(lose))!.deletedAt).not.toBeNull();

    const back = await clicked(undo, 'UADMIN');
    expect(visibleText(back)).toContain(`The merge is taken back: ${lose} is back`);
    expect([await state(keep), await state(lose)]).toEqual(before);
    expect(String((await ticketByRef(tRef))!.leadId)).toBe(String((await leadBySeq(lose))!._id));
    expect(await auditActions('lead.unmerged')).toHaveLength(1);
    // A second undo finds nothing to take back.
    expect(await say('UADMIN', `unmerge ${lose}`)).toContain(`${lose} is not merged into another lead`);
  });

  it('should leave a field changed on the kept lead since the merge as it is, and say so', async () => {
    const keep = await add('UADMIN', 'Trey Research; Ma Li; +86 186 0000 0011');
    const lose = await add('UADMIN', 'Trey Research Ltd; Li Ma; ma@trey.test; tags: lab');
    const keys = await heldKeys((await leadBySeq(lose))!);
    await say('UADMIN', `merge ${keep} ${lose} confirm`);
    await say('UADMIN', `edit ${keep} tags: lab partner`);
    const text = await say('UADMIN', `unmerge ${lose}`);
    expect(text).toContain(`The merge is taken back: ${lose} is back`);
    expect(text).toContain(`Changed on ${keep} since the merge, so kept as it is: Tags.`);
    expect((await leadBySeq(keep))!).toMatchObject({ tags: ['lab', 'partner'], emails: [] });
    expect((await leadBySeq(lose))!).toMatchObject({ deletedAt: null, mergedInto: null, tags: ['lab'] });
    expect(await heldKeys((await leadBySeq(lose))!)).toEqual(keys);
  });
});
