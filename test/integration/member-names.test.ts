import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { memberByUser, members } from '../helpers/app-data';

// A mention names a member by id and a handle; the name cards show is the member's real one, from
// Slack's users.info, asked once and never replaced by a handle.

useTestDb();
let svc: TestService;
const say = async (user: string, userName: string, command: string, text: string) => {
  const r = await slash(svc, command, text, { user, userName });
  if (r.body) return visibleText(r.body);
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage);
};
const member = (id: string) => memberByUser(id);

let leadRef: string;
beforeAll(async () => {
  svc = await startService();
  svc.slack.users.set('UADMIN', { handle: 'boss', realName: 'Ada Admin' });
  svc.slack.users.set('ULIWEI', { handle: 'li.wei', realName: 'Li Wei', displayName: '李伟' });
  svc.slack.users.set('USAM1', { handle: 'sam', realName: 'Sam Carter', displayName: 'Sam' });
  svc.slack.users.set('USAM2', { handle: 'sam.k', realName: 'Sam Kim', displayName: 'Sam' });
  await say('UADMIN', 'boss', '/crm', 'help');
  leadRef = (await say('UADMIN', 'boss', '/lead', 'add Globex Ltd; Hank Scorpio; hank@globex.com')).match(/L-\d+/)![0];
});
afterAll(async () => svc.close());
beforeEach(() => svc.slack.reset());

describe('names of mentioned members', () => {
  it('should show the real display name of someone assigned by mention, not their handle', async () => {
    expect(await say('UADMIN', 'boss', '/lead', `assign ${leadRef} <@ULIWEI|li.wei>`)).toContain(`${leadRef} now belongs to 李伟.`);
    expect(svc.slack.called('users.info').map((c) => c.body.user)).toEqual(['ULIWEI']);
    expect(await member('ULIWEI')).toMatchObject({ displayName: '李伟', nameSource: 'platform' });
    expect(await say('UADMIN', 'boss', '/lead', `show ${leadRef}`)).toContain('李伟');
  });

  it('should keep the real name when the member later writes with their handle, and not ask Slack again', async () => {
    await say('ULIWEI', 'li.wei', '/crm', 'help');
    await say('UADMIN', 'boss', '/crm', 'role <@ULIWEI|li.wei> manager');
    expect(await member('ULIWEI')).toMatchObject({ displayName: '李伟', role: 'manager' });
    expect(svc.slack.called('users.info')).toHaveLength(0);
  });

  it("should name the person who types a command by Slack's name, not the deprecated user_name", async () => {
    expect(await member('UADMIN')).toMatchObject({ displayName: 'Ada Admin', nameSource: 'platform' });
  });

  it('should find a member by a typed name (@李伟)', async () => {
    expect(await say('UADMIN', 'boss', '/crm', 'team @李伟 East')).toContain('李伟');
    expect(await member('ULIWEI')).toMatchObject({ team: 'East' });
    expect(await memberByUser('李伟')).toBeUndefined();
  });

  it('should say which members match when a typed name is shared, and change nobody', async () => {
    await say('USAM1', 'sam', '/crm', 'help');
    await say('USAM2', 'sam.k', '/crm', 'help');
    const answer = await say('UADMIN', 'boss', '/crm', 'role @Sam support');
    expect(answer).toContain('More than one member is called Sam: Sam (@USAM1), Sam (@USAM2).');
    expect((await members()).filter((m) => m.role === 'support')).toEqual([]);
  });

  it('should refuse a typed name nobody has, rather than invent a member', async () => {
    expect(await say('UADMIN', 'boss', '/pipeline', '@nobody')).toContain('No member is called nobody.');
    expect(await memberByUser('nobody')).toBeUndefined();
  });
});
