import { useTestDb } from '../helpers/db';
import { buttons, slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { auditActions, leadBySeq, workspaceOf } from '../helpers/app-data';
import { strandLead } from '../helpers/raw-db';

useTestDb();
let svc: TestService;
const answer = async (user: string, command: string, text: string): Promise<SlackMessage> => {
  const r = await slash(svc, command, text, { user, userName: user.toLowerCase().slice(1) });
  if (r.body) return r.body as SlackMessage;
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return svc.slack.responses(r.responseId)[0].body as SlackMessage;
};
const say = async (user: string, command: string, text: string) => visibleText(await answer(user, command, text));
// Read through the repository (hydrated): a setting never changed is the schema's default.
const settings = async () => (await workspaceOf('slack', 'T1'))!.settings!;
const lead = async (seq: number) => (await leadBySeq(seq))!;

beforeAll(async () => {
  svc = await startService();
  await say('UADMIN', '/crm', 'help');
  await say('UADMIN', '/crm', 'role <@UZH|zh> admin');
  await say('UZH', '/crm', 'lang zh-CN');
});
afterAll(async () => svc.close());

describe('/crm config with nothing after it', () => {
  it('should show an admin every setting with its value and how to change it, in the reader’s language', async () => {
    const en = await say('UADMIN', '/crm', 'config');
    expect(en).toContain('Workspace settings');
    expect(en).toContain('Pipeline: New → Contacted → Qualified → Proposal → Negotiation, then Won or Lost · `/crm config stages');
    expect(en).toContain('Working hours: 09:00–18:00, Mon–Fri (nudges wait for them) · `/crm config work-hours 9-6 mon-fri`');
    expect(en).toContain('Weekly digest: Monday at 09:00 · `/crm config digest monday 9am`');
    expect(en).toContain('Ticket targets: High: claim within 1 h, resolve within 8 h; Normal: claim within 4 h, resolve within 2 d; Low: claim within 1 d, resolve within 5 d');
    expect(en).toContain('New leads go to: whoever adds them');
    expect(en).toContain('New tickets are posted to: nowhere: whoever opens a ticket gets its card');
    expect(en.match(/ · `\/crm config /g)).toHaveLength(12);

    const zh = await say('UZH', '/crm', 'config');
    expect(zh).toContain('工作区设置');
    expect(zh).toContain('销售阶段：新线索 → 已联系 → 已确认需求 → 方案报价 → 商务谈判，最后是赢单或丢单');
    expect(zh).toContain('工作时间：周一至周五 09:00–18:00');
    expect(zh).toContain('工单时限：高优先级：1 小时内认领，8 小时内解决');
    expect(await say('UREP1', '/crm', 'config')).toContain('Only admins can do that.');
  });
});

describe('/crm config confirmations and the shapes people type', () => {
  it('should read `sla high 30m 4h`, `work-hours 9-6`, `digest monday 9am` and answer in sentences', async () => {
    expect(await say('UADMIN', '/crm', 'config sla high 30m 4h')).toContain('Saved. High: claim within 30 min, resolve within 4 h.');
    expect(await say('UADMIN', '/crm', 'config work-hours 9-6')).toContain('Saved. Working hours: 09:00–18:00, Mon–Fri');
    expect(await say('UADMIN', '/crm', 'config work-hours 8:30am-5:30pm mon to sat')).toContain('Saved. Working hours: 08:30–17:30, Mon–Sat');
    expect(await say('UADMIN', '/crm', 'config digest monday 9am')).toContain('Saved. Weekly digest: Monday at 09:00.');
    expect(await say('UADMIN', '/crm', 'config sla normal 2 hours 1 day')).toContain('Saved. Normal: claim within 2 h, resolve within 1 d.');
    expect(await say('UADMIN', '/crm', 'config sla high 8h 1h')).toContain('That value does not work for sla');
    const s = await settings();
    expect(s.sla?.high).toEqual({ claim: 30, resolve: 240 });
    expect(s.sla?.normal).toEqual({ claim: 120, resolve: 1440 });
    expect(s.workHours).toEqual({ start: '08:30', end: '17:30', days: [1, 2, 3, 4, 5, 6] });
    expect(s.digest).toMatchObject({ day: 1, time: '09:00' });
  });

  it('should read `设置 sla 高 1小时 8小时` and `周五 下午4点` and confirm in Chinese', async () => {
    expect(await say('UZH', '/crm', 'config sla 高 1小时 8小时')).toContain('已保存。高优先级：1 小时内认领，8 小时内解决。');
    expect(await say('UZH', '/crm', 'config digest 星期五 下午4点')).toContain('已保存。每周简报：星期五 16:00。');
    expect(await say('UZH', '/crm', 'config work-hours 9点-18点 周一至周五')).toContain('已保存。工作时间：周一至周五 09:00–18:00');
    expect(await say('UZH', '/crm', 'config 工作时间 9-6')).toContain('已保存。工作时间：周一至周五 09:00–18:00');
    const s = await settings();
    expect(s.sla?.high).toEqual({ claim: 60, resolve: 480 });
    expect(s.digest).toMatchObject({ day: 5, time: '16:00' });
  });
});

describe('/crm config stages', () => {
  beforeAll(async () => {
    await say('UREP1', '/lead', 'add Qual Co; Quinn; quinn@qual.test'); // L-1
    await say('UREP1', '/lead', 'add Nego Co; Nina; nina@nego.test'); // L-2
    await say('UREP1', '/lead', 'add Won Co; Will; will@won.test'); // L-3
    await say('UREP1', '/lead', 'stage L-1 qualified');
    await say('UREP1', '/lead', 'stage L-2 qualified');
    await say('UREP1', '/lead', 'won L-3');
  });

  it('should refuse a new stage without a name in both languages, and refuse to strand open leads', async () => {
    expect(await say('UADMIN', '/crm', 'config stages new, contacted, demo, proposal, negotiation')).toContain('Give each new stage a name in English and in Chinese, written `English|中文`, e.g. `demo|演示`. Missing: demo.');
    const refused = await say('UADMIN', '/crm', 'config stages new, contacted, Demo|演示, proposal, negotiation');
    expect(refused).toContain('This change removes stages that still hold open leads: Qualified (2). Nothing was changed.');
    expect(refused).toContain('`/crm config stages new, contacted, Demo|演示, proposal, negotiation move qualified to new`');
    expect(await say('UZH', '/crm', 'config stages new, contacted, 演示|demo, proposal, negotiation')).toContain('这次修改会删掉的阶段里还有未结束的线索：已确认需求 (2)。没有做任何修改。');
    expect((await settings()).stages).toEqual(['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    expect((await lead(1)).stage).toBe('qualified');
  });

  it('should move the leads of a removed stage where the admin says, audit each, and keep won and lost', async () => {
    const text = await say('UADMIN', '/crm', 'config stages new, contacted, Demo|演示, proposal, negotiation move qualified to demo');
    expect(text).toContain('Saved. Pipeline: New → Contacted → Demo → Proposal → Negotiation, then Won or Lost.');
    expect(text).toContain('Open leads moved from Qualified to Demo: 2.');
    expect((await settings()).stages).toEqual(['new', 'contacted', 'demo', 'proposal', 'negotiation', 'won', 'lost']);
    expect([(await lead(1)).stage, (await lead(2)).stage, (await lead(3)).stage]).toEqual(['demo', 'demo', 'won']);
    const audits = await auditActions('lead.stage_remapped');
    expect(audits.map((a) => [(a.before as { stage: string }).stage, (a.after as { stage: string }).stage])).toEqual([['qualified', 'demo'], ['qualified', 'demo']]);
    expect((await auditActions('workspace.config')).filter((a) => (a.after as { stages?: unknown } | null)?.stages !== undefined)).toHaveLength(1);

    // The moved lead has its stage in each language, a Move button, and is found by either name.
    const card = await answer('UREP1', '/lead', 'show L-1');
    expect(visibleText(card)).toContain('Demo');
    expect(buttons(card).map((b) => b.label)).toContain('Move to Proposal');
    expect(await say('UZH', '/lead', 'show L-1')).toContain('演示');
    expect(await say('UREP1', '/lead', 'list stage demo')).toContain('Leads in Demo (2)');
    expect(await say('UZH', '/lead', 'list stage 演示')).toContain('Qual Co');
    expect(await say('UADMIN', '/pipeline', '')).toContain('Demo: 2');
  });

  it('should refuse a move into a stage that is not in the new pipeline, or out of one that stays', async () => {
    expect(await say('UADMIN', '/crm', 'config stages new, contacted, proposal move demo to won')).toContain('Leads can only move to an open stage of the new pipeline (new, contacted, proposal); “Won” is not one.');
    expect(await say('UADMIN', '/crm', 'config stages new, demo, proposal move demo to new')).toContain('demo stays in the pipeline');
    expect(await say('UADMIN', '/crm', 'config stages new, contacted, demo, proposal, negotiation move won to demo')).toContain('Won stays in the pipeline');
    expect((await lead(3)).stage).toBe('won');
    expect(await say('UADMIN', '/crm', 'config stages new, Contacted|已联系过, demo, proposal')).toContain('“Contacted” is a built-in stage and already has its names');
    expect((await settings()).stages).toEqual(['new', 'contacted', 'demo', 'proposal', 'negotiation', 'won', 'lost']);
  });

  it('should point out leads an older change left in a removed stage, and move them back into the pipeline', async () => {
    // What a stage change made before moves were required left behind.
    await strandLead(2, 'prospect');
    const shown = await say('UADMIN', '/crm', 'config');
    expect(shown).toContain('Stages the pipeline no longer has still hold open leads: prospect (1). Move them with `/crm config stages new, contacted, demo, proposal, negotiation move prospect to new`.');
    expect(await say('UADMIN', '/crm', 'config stages new, contacted, demo, proposal, negotiation move prospect to demo')).toContain('Open leads moved from prospect to Demo: 1.');
    expect((await lead(2)).stage).toBe('demo');
    expect(await say('UADMIN', '/crm', 'config')).not.toContain('no longer has');
  });
});
