import { seedDemoIfMissing } from '../../src/modules/demo/demo-seed.service';
import { resolveIdentity } from '../../src/modules/workspaces/members.service';
import { createLogger } from '../../src/platform/logger';
import { LeadModel } from '../../src/modules/leads/lead.model';
import { MemberModel } from '../../src/modules/workspaces/member.model';
import { WorkspaceModel } from '../../src/modules/workspaces/workspace.model';
import { useTestDb } from '../helpers/db';

// The sandbox's demo workspace on start-up: seeded when the database does not have it yet, also
// when the database already serves a Slack team; left alone once it exists.

useTestDb();
const defaults = { DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' } as const;
const logger = createLogger('silent');

describe('the demo workspace on start-up', () => {
  it('should be seeded beside an existing Slack team, with the roles the sandbox page names, and only once', async () => {
    await resolveIdentity('slack', 'TREAL', 'A real team', 'UREAL', 'real.admin', { locale: 'en', timezone: 'UTC', phoneRegion: 'US' });
    await seedDemoIfMissing(defaults, logger);
    const demo = (await WorkspaceModel.findOne({ platform: 'sandbox', externalId: 'demo' }).lean())!;
    expect(demo).not.toBeNull();
    const roles = Object.fromEntries((await MemberModel.find({ workspaceId: demo._id }).lean()).map((m) => [m.platformUserId, m.role]));
    expect(roles).toEqual({ ana: 'admin', 'wang.fang': 'manager', 'li.wei': 'rep', sam: 'rep', 'zhou.min': 'support' });
    const leads = await LeadModel.countDocuments({ workspaceId: demo._id });
    expect(leads).toBeGreaterThan(10);
    // The Slack team is untouched.
    const real = (await WorkspaceModel.findOne({ platform: 'slack' }).lean())!;
    expect(await LeadModel.countDocuments({ workspaceId: real._id })).toBe(0);

    await seedDemoIfMissing(defaults, logger);
    expect(await LeadModel.countDocuments({ workspaceId: demo._id })).toBe(leads);
  });
});
