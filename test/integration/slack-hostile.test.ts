import { useTestDb } from '../helpers/db';
import { buttons, click, signedPost, slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { auditActions, firstOf, leadCount, leads, members, workspaces } from '../helpers/app-data';
import { clearCollections } from '../helpers/raw-db';

// Hostile input over signed Slack HTTP: requests dated in the future, and payloads that pass the
// signature but are not what Slack sends. Each is refused before anything is written.

useTestDb();
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(async () => svc.close());
beforeEach(async () => {
  await clearCollections('leads', 'leadkeys', 'tickets', 'workspaces', 'members', 'auditevents');
  svc.slack.reset();
});

const nowS = () => Math.floor(Date.now() / 1000);
const FORM = 'application/x-www-form-urlencoded';
const written = async () => ({
  workspaces: (await workspaces()).length,
  members: (await members()).length,
  leads: await leadCount(),
  audit: (await auditActions()).length,
});
const nothing = { workspaces: 0, members: 0, leads: 0, audit: 0 };

/** An error answer: short JSON naming the problem and the request id, nothing from inside the service. */
function expectShortError(text: string, error: string): void {
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(body.error).toBe(error);
  expect(typeof body.requestId).toBe('string');
  expect(String(body.requestId).length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\bat \w|node_modules|\/src\/|Error\b/);
}

describe('Slack requests dated in the future', () => {
  it.each([
    ['ten minutes', 600],
    ['a year', 365 * 86400],
  ])('should refuse a /lead add signed %s ahead with 401 and write nothing', async (_label, ahead) => {
    const res = await signedPost(svc, new URLSearchParams({ team_id: 'T1', team_domain: 'acme', user_id: 'UADMIN', user_name: 'admin', command: '/lead', text: 'add Future Ltd; Marty' }).toString(), { ts: nowS() + ahead });
    expect(res.status).toBe(401);
    expectShortError(res.text, 'invalid_signature');
    expect(await written()).toEqual(nothing);
  });

  it('should refuse a button click signed ten minutes ahead and leave the lead as it was', async () => {
    const created = await slash(svc, '/lead', 'add Globex Ltd; Hank Scorpio');
    const won = buttons(created.body).find((b) => b.label === 'Won')!;
    const res = await click(svc, won, { ts: nowS() + 600 });
    expect(res.status).toBe(401);
    expect((await firstOf(leads()))!.stage).toBe('new');
  });

  it('should accept requests signed up to five minutes either side of now (clock skew)', async () => {
    expect((await slash(svc, '/lead', 'add Early Ltd; Ann', { ts: nowS() + 290 })).status).toBe(200);
    expect((await slash(svc, '/lead', 'add Late Ltd; Bob', { ts: nowS() - 290 })).status).toBe(200);
    expect(await leadCount()).toBe(2);
  });

  it('should refuse a timestamp that is not a number of seconds', async () => {
    const res = await slash(svc, '/lead', 'add Odd Ltd; Cy', { ts: 'soon' as unknown as number });
    expect(res.status).toBe(401);
    expect(await written()).toEqual(nothing);
  });
});

const payload = (p: unknown) => 'payload=' + encodeURIComponent(JSON.stringify(p));
const team = { id: 'T1', domain: 'acme' };
const user = { id: 'UADMIN', username: 'admin', team_id: 'T1' };
const action = { type: 'button', action_id: 'lead_open:0', block_id: 'b', value: 'L-1' };
const slashForm = (o: Record<string, string>) => new URLSearchParams({ user_id: 'UADMIN', user_name: 'admin', command: '/lead', text: 'list', team_domain: 'acme', ...o }).toString();

// [what, body, content type]: signed correctly, but not what Slack sends.
const MALFORMED: [string, string, string][] = [
  ['payload=null', 'payload=null', FORM],
  ['payload=[]', 'payload=%5B%5D', FORM],
  ['payload="text"', 'payload=%22text%22', FORM],
  ['payload=42', 'payload=42', FORM],
  ['payload that is not JSON', 'payload=%7Bnot-json', FORM],
  ['payload of an unknown type', payload({ type: 'evil', team, user }), FORM],
  ['block_actions without user', payload({ type: 'block_actions', team, actions: [action] }), FORM],
  ['block_actions without actions', payload({ type: 'block_actions', team, user }), FORM],
  ['block_actions with no action', payload({ type: 'block_actions', team, user, actions: [] }), FORM],
  ['block_actions with a numeric user id', payload({ type: 'block_actions', team, user: { id: 42 }, actions: [action] }), FORM],
  ['block_actions with an empty user id', payload({ type: 'block_actions', team, user: { id: '' }, actions: [action] }), FORM],
  ['block_actions naming no workspace', payload({ type: 'block_actions', user: { id: 'UADMIN' }, actions: [action] }), FORM],
  ['block_actions with team: null and no user.team_id', payload({ type: 'block_actions', team: null, user: { id: 'UADMIN' }, actions: [action] }), FORM],
  ['block_actions with an object as value', payload({ type: 'block_actions', team, user, actions: [{ ...action, value: { $gt: '' } }] }), FORM],
  ['view_submission without view', payload({ type: 'view_submission', team, user }), FORM],
  ['view_submission with state.values null', payload({ type: 'view_submission', team, user, view: { callback_id: 'lead_add_form', state: { values: null } } }), FORM],
  ['view_submission without callback_id', payload({ type: 'view_submission', team, user, view: { state: { values: {} } } }), FORM],
  ['message_action without message', payload({ type: 'message_action', callback_id: 'save_as_lead', team, user, trigger_id: 't' }), FORM],
  ['message_action without user', payload({ type: 'message_action', callback_id: 'save_as_lead', team, message: { text: 'x' } }), FORM],
  ['block_suggestion without user', payload({ type: 'block_suggestion', team, action_id: 'lead_search', value: 'ac' }), FORM],
  ['shortcut without user', payload({ type: 'shortcut', callback_id: 'save_as_lead', team }), FORM],
  ['slash command without team_id', slashForm({}), FORM],
  ['slash command with two team_ids (an array)', slashForm({}) + '&team_id=T1&team_id=T2', FORM],
  ['slash command with an empty team_id', slashForm({ team_id: '' }), FORM],
  ['slash command with a team_id holding spaces', slashForm({ team_id: 'T1 OR 1=1' }), FORM],
  ['slash command without user_id', new URLSearchParams({ team_id: 'T1', command: '/lead', text: 'list' }).toString(), FORM],
  ['slash command without command', new URLSearchParams({ team_id: 'T1', user_id: 'UADMIN', text: 'list' }).toString(), FORM],
  ['slash command whose text is an array', slashForm({ team_id: 'T1' }) + '&text=again', FORM],
  ['an empty form', '', FORM],
  ['JSON null', 'null', 'application/json'],
  ['a JSON array', '[]', 'application/json'],
  ['a JSON object without type', '{}', 'application/json'],
  ['event_callback without event', JSON.stringify({ type: 'event_callback', team_id: 'T1' }), 'application/json'],
  ['event_callback with event: null', JSON.stringify({ type: 'event_callback', team_id: 'T1', event: null }), 'application/json'],
  ['url_verification without challenge', JSON.stringify({ type: 'url_verification' }), 'application/json'],
  ['JSON that does not parse', '{"type":', 'application/json'],
];

describe('signed but malformed Slack payloads', () => {
  it.each(MALFORMED)('should answer %s with a 4xx and a short JSON error, and create no workspace', async (_what, body, contentType) => {
    const res = await signedPost(svc, body, { contentType });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectShortError(res.text, (res.json as { error: string }).error);
    expect(['invalid_payload', 'invalid_json']).toContain((res.json as { error: string }).error);
    expect(await written()).toEqual(nothing);
    expect(svc.slack.calls).toEqual([]);
  });

  it('should name the missing field, so whoever sent it can tell what was wrong', async () => {
    const res = await signedPost(svc, slashForm({}));
    expect(res.json).toMatchObject({ error: 'invalid_payload', fields: ['team_id'] });
  });

  it('should still answer what Slack does send: the URL check and a well-formed click on a button that no longer means anything', async () => {
    const check = await signedPost(svc, JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-42' }), { contentType: 'application/json' });
    expect(check).toMatchObject({ status: 200, json: { challenge: 'c-42' } });
    const stale = await click(svc, { actionId: 'lead_open:0', value: 'no-such-lead' });
    expect(stale.status).toBe(200);
    await svc.slack.waitFor(() => svc.slack.responses(stale.responseId).length > 0);
    expect(visibleText(svc.slack.responses(stale.responseId)[0].body as SlackMessage)).toMatch(/no longer exists|is not a lead id/);
  });
});
