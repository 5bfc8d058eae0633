import { useTestDb } from '../helpers/db';
import { click, slash, startService, visibleText, type TestService } from '../helpers/service';
import { leadById, leadByCompany, memberByUser, members, workspaceOf } from '../helpers/app-data';
import { interruptAdminPromotion } from '../helpers/raw-db';

useTestDb();
let svc: TestService;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const say = async (user: string, command: string, text: string) => visibleText((await slash(svc, command, text, as(user))).body);

let rep1Lead: string;
let rep2Lead: string;
beforeAll(async () => {
  svc = await startService();
  // The first member of a workspace becomes its admin; everyone after starts as a rep.
  await say('UADMIN', '/crm', 'help');
  rep1Lead = (await say('UREP1', '/lead', 'add Globex Ltd; Hank Scorpio; hank@globex.com'))!.match(/L-\d+/)![0];
  rep2Lead = (await say('UREP2', '/lead', 'add Initech Inc; Bill Lumbergh; bill@initech.com'))!.match(/L-\d+/)![0];
});
afterAll(async () => svc.close());

describe('who may see what', () => {
  it('should make the first member admin and later members reps', async () => {
    const roles = Object.fromEntries((await members()).map((m) => [m.platformUserId, m.role]));
    expect(roles).toEqual({ UADMIN: 'admin', UREP1: 'rep', UREP2: 'rep' });
  });

  it('should make exactly one admin when the first ten members of a new workspace arrive at once', async () => {
    const users = Array.from({ length: 10 }, (_, i) => `UNEW${i}`);
    await Promise.all(users.map((user) => slash(svc, '/crm', 'help', { ...as(user), team: 'TNEW' })));
    const arrived = (await members()).filter((m) => users.includes(m.platformUserId));
    expect(arrived).toHaveLength(10);
    expect(arrived.filter((m) => m.role === 'admin')).toHaveLength(1);
  });

  it('should finish an interrupted promotion of the first member on their next request, and no one else', async () => {
    await slash(svc, '/crm', 'help', { ...as('UFIRST'), team: 'TCUT' });
    // As if the process died after the seat was taken but before the role and the workspace were written.
    const first = (await memberByUser('UFIRST'))!;
    await interruptAdminPromotion(first);
    await slash(svc, '/crm', 'help', { ...as('USECOND'), team: 'TCUT' });
    expect((await memberByUser('USECOND'))!.role).toBe('rep');
    await slash(svc, '/crm', 'help', { ...as('UFIRST'), team: 'TCUT' });
    expect((await memberByUser('UFIRST'))!.role).toBe('admin');
    expect((await workspaceOf('slack', 'TCUT'))!.adminClaimed).toBe(true);
  });

  it("should refuse a rep who asks for another rep's lead, without showing it", async () => {
    const text = await say('UREP2', '/lead', `show ${rep1Lead}`);
    expect(text).toContain(`You cannot see ${rep1Lead}`);
    expect(text).not.toContain('Globex');
  });

  it("should refuse a rep who tries to change another rep's lead and change nothing", async () => {
    const text = await say('UREP2', '/lead', `stage ${rep1Lead} qualified`);
    expect(text).toContain(`You cannot see ${rep1Lead}`);
    expect((await leadByCompany('Globex Ltd'))!.stage).toBe('new');
  });

  it('should let an admin see every lead', async () => {
    expect(await say('UADMIN', '/lead', `show ${rep1Lead}`)).toContain('Globex Ltd');
    expect(await say('UADMIN', '/lead', `show ${rep2Lead}`)).toContain('Initech Inc');
  });

  it('should let a manager see the leads of their team and nobody else', async () => {
    expect(await say('UADMIN', '/crm', 'role <@UMGR|mgr> manager')).toContain('mgr is now manager');
    expect(await say('UADMIN', '/crm', 'team <@UREP1|rep1> east')).toContain('rep1 is now in team east');
    await say('UADMIN', '/crm', 'team <@UMGR|mgr> east');
    expect(await say('UMGR', '/lead', `show ${rep1Lead}`)).toContain('Globex Ltd');
    expect(await say('UMGR', '/lead', `show ${rep2Lead}`)).toContain(`You cannot see ${rep2Lead}`);
    const list = await say('UMGR', '/lead', 'list');
    expect(list).toContain('Globex Ltd');
    expect(list).not.toContain('Initech');
  });

  it('should refuse /crm role from a non-admin and change nothing', async () => {
    expect(await say('UREP1', '/crm', 'role <@UREP1|rep1> admin')).toContain('Only admins can do that.');
    expect((await memberByUser('UREP1'))!.role).toBe('rep');
  });

  it('should list only the commands the caller may run', async () => {
    const repHelp = await say('UREP1', '/lead', 'help');
    expect(repHelp).toContain('/lead add');
    expect(repHelp).not.toContain('/crm role');
    expect(await say('UADMIN', '/crm', 'help')).toContain('/crm role');
  });

  it('should say clearly that an unknown lead id does not exist', async () => {
    expect(await say('UADMIN', '/lead', 'show L-999')).toContain('There is no lead L-999 in this workspace.');
    expect(await say('UADMIN', '/lead', 'show banana')).toContain('“banana” is not a lead id');
  });

  it('should keep workspaces apart, for commands and for buttons carrying another workspace\'s lead id', async () => {
    const text = visibleText((await slash(svc, '/lead', `show ${rep1Lead}`, { team: 'T2', user: 'UOTHER' })).body);
    expect(text).toContain(`There is no lead ${rep1Lead}`);
    const lead = await leadByCompany('Globex Ltd');
    const r = await click(svc, { actionId: 'lead_won:0', value: `${lead!._id}:new` }, { team: 'T2', user: 'UOTHER' });
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
    expect(visibleText(svc.slack.responses(r.responseId)[0].body as never)).toContain('That lead no longer exists in this workspace');
    expect((await leadById(lead!._id))!.stage).toBe('new');
  });

  it("should refuse a rep who clicks Won on another rep's lead and change nothing", async () => {
    const lead = await leadByCompany('Globex Ltd');
    const r = await click(svc, { actionId: 'lead_won:4', value: `${lead!._id}:new` }, { user: 'UREP2' });
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
    expect(visibleText(svc.slack.responses(r.responseId)[0].body as never)).toContain(`You cannot see ${rep1Lead}`);
    expect((await leadById(lead!._id))!.stage).toBe('new');
  });

  it("should warn about a duplicate of another rep's lead without showing its details", async () => {
    const text = await say('UREP2', '/lead', 'add Someone Else Ltd; Hank S; hank@globex.com');
    expect(text).toContain(`Possible duplicate of ${rep1Lead}`);
    expect(text).not.toContain('Globex');
    expect(text).not.toContain(`Open ${rep1Lead}`);
  });

  it('should find a company however its legal suffix is written', async () => {
    expect(await say('UADMIN', '/lead', 'find globex co., ltd.')).toContain('Globex Ltd');
  });

  it('should answer an unknown subcommand with a pointer to help', async () => {
    expect(await say('UREP1', '/lead', 'frobnicate')).toContain('Type `/crm help`');
  });
});
