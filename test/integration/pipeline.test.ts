import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { workspaceOf } from '../helpers/app-data';

useTestDb();
let svc: TestService;
const say = async (user: string, command: string, text: string) => {
  const r = await slash(svc, command, text, { user, userName: user.toLowerCase().slice(1) });
  if (r.body) return visibleText(r.body);
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage);
};

beforeAll(async () => {
  svc = await startService();
  await say('UADMIN', '/crm', 'help');
  await say('UADMIN', '/crm', 'role <@UMGR|mgr> manager');
  await say('UADMIN', '/crm', 'team <@UMGR|mgr> east');
  await say('UADMIN', '/crm', 'team <@UREP1|rep1> east');
  await say('UADMIN', '/crm', 'team <@UREP2|rep2> west');
  await say('UREP1', '/lead', 'add Initech; Bill Lumbergh; +86 138 0013 8000; value: 50k');
  await say('UREP2', '/lead', 'add Hooli; Gavin Belson; gavin@hooli.com; value: 20k');
});
afterAll(async () => svc.close());

describe('/pipeline', () => {
  it("should show a rep their own week: new leads, the open pipeline, complete records", async () => {
    const text = await say('UREP1', '/pipeline', '');
    expect(text).toContain('Pipeline · rep1');
    expect(text).toMatch(/New leads\*\n1\n/);
    expect(text).toContain('Weighted pipeline*\nCN¥8,333');
    expect(text).toContain('New: 1 · CN¥50,000');
    expect(text).toContain('phone or email 100% · company 100% · source 0% · value 100%');
    expect(text).not.toContain('Hooli');
  });

  it("should show a manager their team, and refuse a rep someone else's figures", async () => {
    const team = await say('UMGR', '/pipeline', 'team');
    expect(team).toContain('Pipeline · east');
    expect(team).toContain('New: 1 · CN¥50,000');
    expect(await say('UREP1', '/pipeline', 'team')).toContain('team figures and other people');
    expect(await say('UREP1', '/pipeline', '<@UREP2|rep2>')).toContain('team figures and other people');
    expect(await say('UMGR', '/pipeline', '<@UREP2|rep2>')).toContain('team figures and other people');
    expect(await say('UADMIN', '/pipeline', '<@UREP2|rep2>')).toContain('Pipeline · rep2');
    expect(await say('UADMIN', '/pipeline', 'yesterday')).toContain('/pipeline [me|team|@user]');
  });
});

describe('job settings', () => {
  it('should set working hours, digest time, a team digest channel and escalation days, and refuse bad values', async () => {
    expect(await say('UADMIN', '/crm', 'config work-hours 08:30-17:00 mon-sat')).toContain('Saved. Working hours: 08:30–17:00, Mon–Sat (nudges wait for them).');
    expect(await say('UADMIN', '/crm', 'config digest fri 16:00')).toContain('Saved. Weekly digest: Friday at 16:00.');
    expect(await say('UADMIN', '/crm', 'config digest-channel east <#CEAST|east-sales>')).toContain('Saved. Digest channels: east → #CEAST.');
    expect(await say('UADMIN', '/crm', 'config escalate-days 5')).toContain('Saved. Escalation: the owner’s manager is told after 5 days without an interaction.');
    expect(await say('UADMIN', '/crm', 'config work-hours 18:00-09:00')).toContain('That value does not work for work-hours');
    expect(await say('UADMIN', '/crm', 'config digest someday 9')).toContain('That value does not work for digest');
    expect(await say('UADMIN', '/crm', 'config digest-channel east not-a-channel')).toContain('That value does not work for digest-channel');
    expect(await say('UADMIN', '/crm', 'config escalate-days 0')).toContain('That value does not work for escalate-days');
    expect(await say('UREP1', '/crm', 'config digest mon 09:00')).toContain('admin');
    const s = (await workspaceOf('slack', 'T1'))!.settings!;
    expect(s.workHours).toEqual({ start: '08:30', end: '17:00', days: [1, 2, 3, 4, 5, 6] });
    expect(s.digest).toMatchObject({ day: 5, time: '16:00', channels: [{ team: 'east', channel: 'CEAST' }] });
    expect(s.escalateDays).toBe(5);
  });
});
