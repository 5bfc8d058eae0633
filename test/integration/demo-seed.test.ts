import { seedDemoIfMissing } from '../../src/modules/demo/demo-seed.service';
import { resolveIdentity } from '../../src/modules/workspaces/members.service';
import { createLogger } from '../../src/platform/logger';
import { useTestDb } from '../helpers/db';
import { leads, members, workspaceOf } from '../helpers/app-data';

// The sandbox's demo workspace on start-up: seeded when the database does not have it yet, also
// when the database already serves a Slack team; left alone once it exists.

useTestDb();
const defaults = { DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' } as const;
const logger = createLogger('silent');

describe('the demo workspace on start-up', () => {
  it('should be seeded beside an existing Slack team, with the roles the sandbox page names, and only once', async () => {
    await resolveIdentity('slack', 'TREAL', 'A real team', 'UREAL', 'real.admin', { locale: 'en', timezone: 'UTC', phoneRegion: 'US' });
    await seedDemoIfMissing(defaults, logger);
    const demo = (await workspaceOf('sandbox', 'demo'))!;
    expect(demo).not.toBeNull();
    const roles = Object.fromEntries((await members()).filter((m) => m.workspaceId.equals(demo._id)).map((m) => [m.platformUserId, m.role]));
    expect(roles).toEqual({ ana: 'admin', 'wang.fang': 'manager', 'li.wei': 'rep', sam: 'rep', 'zhou.min': 'support' });
    const inDemo = async () => (await leads()).filter((l) => l.workspaceId.equals(demo._id)).length;
    const seeded = await inDemo();
    expect(seeded).toBeGreaterThan(10);
    // The Slack team is untouched.
    const real = (await workspaceOf('slack'))!;
    expect((await leads()).filter((l) => l.workspaceId.equals(real._id))).toEqual([]);

    await seedDemoIfMissing(defaults, logger);
    expect(await inDemo()).toBe(seeded);
  });
});
