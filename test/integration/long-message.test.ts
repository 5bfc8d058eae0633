import { monitorEventLoopDelay } from 'node:perf_hooks';
import { useTestDb } from '../helpers/db';
import { interact, slash, startService, visibleText, type TestService } from '../helpers/service';

// Slack allows 40,000 characters in a message. "Save as lead" reads all of it; while it does, the
// service must keep answering everyone else (it is one process, one event loop).

useTestDb();
let svc: TestService;

beforeAll(async () => {
  svc = await startService();
  await slash(svc, '/crm', 'help', { user: 'UREP1', userName: 'rep1' });
});
afterAll(async () => svc.close());

const CONTACT = 'Reach me: Jane Doe, Hooli Inc, jane@hooli.com, +1 415 867 5309';

/** 40,000 characters of what made the old patterns rescan the text from every position, then a signature. */
function longMessage(): string {
  const parts = ['1'.repeat(5000), ','.repeat(5000), '-'.repeat(5000), 'Ab. '.repeat(1500), '上'.repeat(5000), '<mailto:'.repeat(600), '<http://a|'.repeat(500)];
  const filler = `${parts.join(' ')} ${'上'.repeat(20000)}`;
  return `${filler.slice(0, 40000 - CONTACT.length - 1)} ${CONTACT}`;
}

function saveAsLead(text: string) {
  return interact(svc, {
    type: 'message_action',
    callback_id: 'save_as_lead',
    trigger_id: 'trigger.long',
    team: { id: 'T1', domain: 'acme' },
    user: { id: 'UREP1', username: 'rep1', team_id: 'T1' },
    channel: { id: 'C1', name: 'sales' },
    message: { type: 'message', ts: '9.1', text },
    response_url: svc.slack.responseUrl('long'),
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

describe('a 40,000-character message saved as a lead', () => {
  it('should keep answering /healthz and a slash command within 200 ms while it is read, and still pre-fill the form', async () => {
    const text = longMessage();
    expect(text).toHaveLength(40000);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const shortcut = saveAsLead(text);
    // Ask the whole time the shortcut is being worked on, so some request lands while it is.
    const health: number[] = [];
    const slashes: number[] = [];
    const done = () => svc.slack.called('views.open').length > 0;
    while (!done()) {
      const [h, s] = await Promise.all([
        timed(() => fetch(`${svc.url}/healthz`).then((r) => r.status)),
        timed(() => slash(svc, '/lead', 'list mine', { user: 'UREP1', userName: 'rep1' })),
      ]);
      expect(h.value).toBe(200);
      expect(visibleText(s.value.body)).toContain('Your leads');
      health.push(h.ms);
      slashes.push(s.ms);
      if (health.length > 200) break;
    }
    await shortcut;
    loop.disable();
    expect(done()).toBe(true);
    expect(Math.max(...health)).toBeLessThan(200);
    expect(Math.max(...slashes)).toBeLessThan(200);
    // No single piece of work held the event loop for 100 ms.
    expect(loop.max / 1e6).toBeLessThan(100);

    const view = svc.slack.called('views.open')[0].body.view as { blocks: { block_id: string; element: { initial_value?: string } }[] };
    const initial = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.initial_value]));
    expect(initial).toMatchObject({ email: 'jane@hooli.com', phone: '+1 415 867 5309', company: 'Hooli Inc', contact: 'Jane Doe' });
  });
});
