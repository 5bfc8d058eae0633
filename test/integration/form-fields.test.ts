import { useTestDb } from '../helpers/db';
import { buttons, click, slash, startService, submitView, visibleText, type TestService } from '../helpers/service';

// A refused form submission names the field that failed: the use case says which input was wrong.
useTestDb();
let svc: TestService;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
type View = { callback_id: string; private_metadata: string };

async function formFromButton(user: string, leadText: string, actionPrefix: string): Promise<View> {
  const card = (await slash(svc, '/lead', leadText, as(user))).body;
  await click(svc, buttons(card).find((b) => b.actionId.startsWith(actionPrefix))!, { user });
  await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
  return svc.slack.called('views.open')[0].body.view as View;
}

const errorsOf = async (res: Promise<{ status: number; body: { response_action?: string; errors?: Record<string, string> } | null }>) => {
  const { body } = await res;
  expect(body?.response_action).toBe('errors');
  return body!.errors!;
};

beforeAll(async () => {
  svc = await startService();
  await slash(svc, '/crm', 'help', as('UADMIN'));
  await slash(svc, '/crm', 'help', as('UREP1'));
  await slash(svc, '/crm', 'role <@USUP|sup> support', as('UADMIN'));
  await slash(svc, '/crm', 'config support-channel <#CSUPPORT|support>', as('UADMIN'));
});
afterAll(async () => svc.close());
beforeEach(() => svc.slack.reset());

describe('field errors on forms', () => {
  it("should show a bad follow-up date of the log form under its Next field, and a missing text under Text", async () => {
    const view = await formFromButton('UREP1', 'add Tyrell Corp; Eldon Tyrell; eldon@tyrell.com', 'lead_log');
    const badDate = await errorsOf(submitView(svc, 'UREP1', view, { kind: { select: 'call' }, text: 'called', next: 'whenever' }));
    expect(badDate).toEqual({ next: expect.stringContaining('could not read a date') });
    const past = await errorsOf(submitView(svc, 'UREP1', view, { kind: { select: 'call' }, text: 'called', next: '2001-01-01 10:00' }));
    expect(past).toEqual({ next: 'That date is in the past.' });
    const noText = await errorsOf(submitView(svc, 'UREP1', view, { kind: { select: 'call' }, text: ' ', next: '' }));
    expect(Object.keys(noText)).toEqual(['text']);
  });

  it('should show a too long ticket subject under Subject and a missing one there too', async () => {
    const errors = await errorsOf(submitView(svc, 'UREP1', { callback_id: 'ticket_new_form', private_metadata: '' }, { subject: 'x'.repeat(201), description: 'printer jam', priority: { select: 'normal' }, lead: { select: null } }));
    expect(errors).toEqual({ subject: expect.stringContaining('is too long') });
    const noSubject = await errorsOf(submitView(svc, 'UREP1', { callback_id: 'ticket_new_form', private_metadata: '' }, { subject: ' ', description: '', priority: { select: 'normal' }, lead: { select: null } }));
    expect(Object.keys(noSubject)).toEqual(['subject']);
  });

  it('should show a missing lost reason under Reason', async () => {
    const view = await formFromButton('UREP1', 'add Cyberdyne; Miles Dyson; miles@cyberdyne.com', 'lead_lost');
    const errors = await errorsOf(submitView(svc, 'UREP1', view, { reason: '  ' }));
    expect(errors).toEqual({ reason: expect.stringContaining('Say why') });
    const ok = await submitView(svc, 'UREP1', view, { reason: 'went with a competitor' });
    expect(ok.status).toBe(200);
    expect(visibleText(ok.body)).toBe('');
  });

  it('should show a reassignment to someone who is not support staff under Assignee', async () => {
    await slash(svc, '/ticket', 'new toner is empty', as('UREP1'));
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').some((c) => c.body.channel === 'CSUPPORT'));
    const card = svc.slack.called('chat.postMessage').filter((c) => c.body.channel === 'CSUPPORT').at(-1)!.body;
    svc.slack.reset();
    await click(svc, buttons(card as never).find((b) => b.label === 'Reassign')!, { user: 'USUP' });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as View;
    const errors = await errorsOf(submitView(svc, 'USUP', view, { assignee: { select: 'UREP1' } }));
    expect(errors).toEqual({ assignee: expect.stringContaining('support') });
  });
});
