import { leadTotalsRepo } from '../../src/modules/leads/lead-totals.repo';
import { reconcileSummaries } from '../../src/modules/digest/summaries.jobs';
import { workspacesRepo } from '../../src/modules/workspaces/workspaces.repo';
import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type TestService } from '../helpers/service';

// The maintained lead totals (/pipeline, the digest) must equal a recomputation from the leads after
// any mix of changes made from chat: adds, stage moves, won and lost, edits of value and details,
// owner changes, deletes and restores, /undo.

useTestDb();
let svc: TestService;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const say = async (user: string, text: string) => {
  const r = await slash(svc, '/lead', text, as(user));
  if (r.body) return visibleText(r.body);
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return visibleText(svc.slack.responses(r.responseId)[0].body as never);
};
const idOf = (text: string) => text.match(/L-\d+/)![0];

/** The totals rows without their ids, in a fixed order (what /pipeline and the digest read). */
async function totals() {
  const ws = (await workspacesRepo.all('slack'))[0];
  await leadTotalsRepo.settled();
  const rows = (await leadTotalsRepo.rows(ws._id)).filter((r) => r.count !== 0);
  const days = (d: Record<string, number>) => Object.fromEntries(Object.entries(d).filter(([, n]) => n !== 0).sort());
  return rows
    .map((r) => ({ owner: String(r.ownerId), stage: r.stage, currency: r.currency, count: r.count, value: r.value, withContact: r.withContact, withCompany: r.withCompany, withSource: r.withSource, withValue: r.withValue, days: days(r.days) }))
    .sort((a, b) => `${a.owner}${a.stage}${a.currency}`.localeCompare(`${b.owner}${b.stage}${b.currency}`));
}

beforeAll(async () => {
  svc = await startService();
  await say('UADMIN', 'help');
  await say('UREP1', 'help');
});
afterAll(async () => svc.close());

describe('the maintained lead totals', () => {
  it('should equal a recomputation from the leads after a mixed sequence of changes', async () => {
    const a = idOf(await say('UREP1', 'add Vandelay Industries; Art Vandelay; +86 138 0000 1111; value: 5万'));
    const b = idOf(await say('UREP1', 'add Kramerica; Cosmo Kramer; kramer@kramerica.test; source: referral'));
    const c = idOf(await say('UADMIN', 'add Pendant Publishing; Elaine Benes; elaine@pendant.test; value: 2000 USD'));
    const d = idOf(await say('UADMIN', 'add Monk Diner; Larry; +86 139 1111 2222'));
    await say('UREP1', `stage ${a} qualified`);
    await say('UREP1', `edit ${b} value: 30000`);
    await say('UADMIN', `assign ${b} <@UADMIN>`);
    await say('UADMIN', `won ${c}`);
    await say('UADMIN', `lost ${d} too far away`);
    await say('UADMIN', `reopen ${d}`);
    await say('UREP1', `delete ${a}`);
    await say('UADMIN', `restore ${a}`);
    await say('UADMIN', `delete ${b}`);
    const maintained = await totals();
    expect(maintained.reduce((n, r) => n + r.count, 0)).toBe(3);
    const ws = (await workspacesRepo.all('slack'))[0];
    await reconcileSummaries(ws);
    expect(await totals()).toEqual(maintained);
  });
});
