import { createLogger } from '../../src/platform/logger';
import { runFollowUps } from '../../src/modules/follow-ups/follow-up.jobs';
import { useTestDb } from '../helpers/db';
import { buttons, slash, startService, submitView, visibleText, type TestService, clicked as clickedAs } from '../helpers/service';
import { auditOfAction, countOf, firstOf, heldKeys, interactions, leadByCompany, leadBySeq, outboxWhere } from '../helpers/app-data';

// Edit, delete (soft, restorable) and undo, through signed Slack requests.

useTestDb();
let svc: TestService;
const T0 = new Date('2026-11-30T02:00:00Z');
let clock = T0;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const run = async (user: string, command: string, text: string) => (await slash(svc, command, text, as(user))).body;
const say = async (user: string, text: string) => visibleText(await run(user, '/lead', text));
const undo = async (user: string) => visibleText(await run(user, '/undo', ''));
const idOf = (text: string) => text.match(/L-\d+/)![0];
const leadOf = (company: string) => leadByCompany(company);
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

const clicked = (button: { actionId: string; value: string }, user: string) => clickedAs(svc, button, user);

beforeAll(async () => {
  svc = await startService({}, () => clock);
  await say('UADMIN', 'help');
  await say('UREP1', 'help');
  await say('UREP2', 'help');
});
afterAll(async () => svc.close());
// The clock only moves forward, ten minutes per test: no test can undo a change of the one before.
beforeEach(() => {
  svc.slack.reset();
  later(10);
});

describe('/lead edit', () => {
  it('should change typed fields, keep the duplicate keys in step, audit it, and refuse an unknown field', async () => {
    const id = idOf(await say('UREP1', 'add Vandelay Industries; Art Vandelay; +86 138 0000 1111'));
    const card = await run('UREP1', '/lead', `edit ${id} phone: +86 139 2222 3333; value: 80k; 来源: expo`);
    const text = visibleText(card);
    expect(text).toContain(`${id} is updated.`);
    expect(text).toContain('+86 139 2222 3333');
    expect(buttons(card).map((b) => b.label)).toContain('Undo');
    const lead = (await leadOf('Vandelay Industries'))!;
    expect(lead).toMatchObject({ phones: ['+86 139 2222 3333'], value: 80000, source: 'expo', keys: { phones: ['+8613922223333'] } });
    expect(await firstOf(auditOfAction(lead, 'lead', 'lead.edit'))).toMatchObject({ before: { phones: ['+86 138 0000 1111'] }, after: { phones: ['+86 139 2222 3333'] } });
    // The old number no longer finds it as a duplicate; the new one does.
    expect(await heldKeys(lead)).not.toContain('phone:+8613800001111');
    // (Another name on that phone: a possible duplicate, listed with the reason.)
    expect(await say('UREP1', 'add Someone Else; Jerry Seinfeld; +86 139 2222 3333')).toMatch(new RegExp(`${id} · Vandelay Industries · Art Vandelay .* — same phone`));
    expect(await say('UREP1', `edit ${id} colour: blue`)).toContain('“colour” is not a field you can edit. Fields: company, contact, phone, email, source, value, tags.');
    expect(await say('UREP1', `edit ${id} company:`)).toContain('The company is missing.');
  });

  it('should open a form with the current values and save what was changed in it', async () => {
    const id = idOf(await say('UREP1', 'add Kramerica; Cosmo Kramer; kramer@kramerica.test; source: referral'));
    await run('UREP1', '/lead', `edit ${id}`);
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string };
    expect(JSON.stringify(view)).toContain('kramer@kramerica.test');
    expect(JSON.stringify(view)).toContain('referral');
    const r = await submitView(svc, 'UREP1', view, { company: 'Kramerica Industries', contact: 'Cosmo Kramer', phone: '', email: 'kramer@kramerica.test', source: 'referral', value: '', tags: '' });
    expect(r.status).toBe(200);
    for (let i = 0; i < 50 && !(await leadOf('Kramerica Industries')); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(await leadOf('Kramerica Industries')).toMatchObject({ contactName: 'Cosmo Kramer', source: 'referral', emails: ['kramer@kramerica.test'] });
  });
});

describe('/lead delete and /lead restore', () => {
  it('should let the owner delete a lead that then leaves lists, search and duplicate checks, and let only an admin restore it', async () => {
    const id = idOf(await say('UREP1', 'add Pendant Publishing; Elaine Benes; elaine@pendant.test'));
    expect(await say('UREP2', `delete ${id}`)).toContain(`You cannot see ${id}`);
    const deleted = await run('UREP1', '/lead', `delete ${id}`);
    expect(visibleText(deleted)).toContain(`${id} (Pendant Publishing) is deleted.`);
    expect(buttons(deleted).map((b) => b.label)).toEqual(['Undo']);
    expect((await leadBySeq(id))!.deletedAt).not.toBeNull();
    expect(await say('UREP1', 'list')).not.toContain('Pendant');
    expect(await say('UREP1', 'find elaine@pendant.test')).not.toContain(id);
    expect(await say('UREP1', `show ${id}`)).toContain(`${id} was deleted. An admin can restore it with \`/lead restore ${id}\`.`);
    // A deleted lead does not block adding the same customer again.
    const again = await say('UREP1', 'add Pendant Publishing; Elaine Benes; elaine@pendant.test');
    expect(again).toContain('Created');
    expect(again).not.toContain(id);
    expect(await say('UREP1', `restore ${id}`)).toContain('Only admins can do that.');
    expect(await say('UADMIN', `restore ${id}`)).toContain(`${id} is restored.`);
    const restored = (await leadBySeq(id))!;
    expect(restored.deletedAt).toBeNull();
    expect(await countOf(auditOfAction(restored, 'lead', 'lead.delete', 'lead.restore'))).toBe(2);
    expect(await say('UADMIN', `restore ${id}`)).toContain(`${id} is not deleted.`);
  });

  it("should leave a deleted lead, and an undone stage move, out of the member's /pipeline figures", async () => {
    clock = new Date(Math.max(clock.getTime(), Date.parse('2026-12-02T02:00:00Z'))); // midweek: the figures cover this week so far
    const id = idOf(await say('UREP2', 'add Tim Whatley Dental; Tim Whatley; tim@whatley.test; value: 30k'));
    // A stage move taken back with /undo is no move in the figures either.
    await say('UREP2', `stage ${id} qualified`);
    await undo('UREP2');
    later(1);
    const before = visibleText(await run('UREP2', '/pipeline', ''));
    expect(before).toContain('New: 1 · CN¥30,000');
    expect(before).toMatch(/Stage moves\*\n0\n/);
    await say('UREP2', `delete ${id}`);
    const after = visibleText(await run('UREP2', '/pipeline', ''));
    expect(after).not.toContain('CN¥30,000');
    expect(after).toContain('no new leads');
  });

  it('should send no follow-up nudge about a deleted lead', async () => {
    const id = idOf(await say('UREP1', 'add Sue Ellen Cosmetics; Sue Ellen Mischke; sue@ellen.test; next: tomorrow 3pm send samples'));
    await say('UREP1', `delete ${id}`);
    await runFollowUps({ config: { DEFAULT_LOCALE: 'en' }, logger: createLogger('silent'), kick: () => undefined }, new Date(clock.getTime() + 3 * 86_400_000));
    const sue = (await leadOf('Sue Ellen Cosmetics'))!;
    expect(await outboxWhere((row) => row.key.startsWith(`follow-up:${sue._id}`))).toEqual([]);
  });
});

describe('/undo', () => {
  it('should undo a stage move from the Undo button, and then have nothing left to undo', async () => {
    const id = idOf(await say('UREP1', 'add Monk Cafe; Larry Thomas; larry@monks.test'));
    const moved = await run('UREP1', '/lead', `stage ${id} proposal`);
    const undone = visibleText(await clicked(buttons(moved).find((b) => b.label === 'Undo')!, 'UREP1'));
    expect(undone).toContain(`Undone: ${id} is back as it was.`);
    expect((await leadOf('Monk Cafe'))!.stage).toBe('new');
    expect(await undo('UREP1')).toContain('Nothing to undo');
    expect(await countOf(auditOfAction((await leadOf('Monk Cafe'))!, 'lead', 'lead.undo'))).toBe(1);
  });

  it('should undo an assignment, a log and a delete, each the member’s last change', async () => {
    const id = idOf(await say('UREP1', 'add Costanza Realty; Frank Costanza; frank@costanza.test'));
    await say('UREP1', `assign ${id} <@UREP2|rep2>`);
    expect(await undo('UREP1')).toContain(`Undone: ${id}`);
    expect((await leadOf('Costanza Realty'))!.ownerId.toString()).toBe((await leadOf('Costanza Realty'))!.createdById.toString());
    await run('UREP1', '/log', `${id} call serenity now`);
    expect((await interactions()).filter((i) => i.text === 'serenity now')).toHaveLength(1);
    expect(await undo('UREP1')).toContain(`Undone: ${id}`);
    expect((await interactions()).filter((i) => i.text === 'serenity now')).toHaveLength(0);
    expect((await leadOf('Costanza Realty'))!.lastContactAt).toBeNull();
    await say('UREP1', `delete ${id}`);
    expect(await undo('UREP1')).toContain(`Undone: ${id}`);
    expect(await say('UREP1', `show ${id}`)).toContain('Costanza Realty');
    // Its keys are held again: the same customer is a duplicate once more.
    expect(await say('UREP1', 'add Costanza Realty; Frank Costanza; frank@costanza.test')).toContain(`Possible duplicate of ${id}`);
  });

  it('should undo an edit, but not after a few minutes or once someone changed the lead again', async () => {
    const id = idOf(await say('UREP1', 'add Peterman Catalog; J Peterman; peterman@catalog.test'));
    await say('UREP1', `edit ${id} source: catalogue`);
    later(6);
    expect(await undo('UREP1')).toContain('Nothing to undo: you have made no change in the last 5 minutes');
    await say('UREP1', `edit ${id} source: magazine`);
    await say('UADMIN', `edit ${id} source: radio`);
    expect(await undo('UREP1')).toContain(`Cannot undo: ${id} was changed again since.`);
    expect((await leadOf('Peterman Catalog'))!.source).toBe('radio');
    expect(await undo('UADMIN')).toContain(`Undone: ${id}`);
    expect((await leadOf('Peterman Catalog'))!.source).toBe('magazine');
  });

  it('should not let a rep undo a change on a lead that was given to someone else since', async () => {
    const id = idOf(await say('UREP1', 'add Bania Comedy; Kenny Bania; kenny@bania.test'));
    await say('UREP1', `stage ${id} contacted`);
    await say('UADMIN', `assign ${id} <@UREP2|rep2>`);
    expect(await undo('UREP1')).toContain(`You cannot see ${id}: it belongs to rep2`);
    expect((await leadOf('Bania Comedy'))!.stage).toBe('contacted');
  });

  it('should undo once when the same /undo arrives several times at once', async () => {
    const id = idOf(await say('UREP1', 'add Yev Kassem Soup; Yev Kassem; soup@kassem.test'));
    await say('UREP1', `stage ${id} contacted`);
    await say('UREP1', `stage ${id} qualified`);
    const answers = await Promise.all(Array.from({ length: 6 }, () => undo('UREP1')));
    expect(answers.filter((a) => a.includes(`Undone: ${id}`))).toHaveLength(1);
    const lead = (await leadOf('Yev Kassem Soup'))!;
    expect(lead.stage).toBe('contacted');
    expect(await countOf(auditOfAction(lead, 'lead', 'lead.undo'))).toBe(1);
  });
});
