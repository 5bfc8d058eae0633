import { sandboxPost, startSandbox, type SandboxService } from './sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, CardAction, Reply } from '../../src/platform/cards/card';

// The sandbox API as the demo members type and click (the grammar WeCom and the sandbox share).

type Answer = { version: string; reply: Reply };

/** Seeds the demo workspace and starts the sandbox for this test file; `say` types as a member, `press` clicks. */
export function useDemoSandbox() {
  let svc: SandboxService;
  beforeAll(async () => {
    await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
    svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
  }, 60000);
  afterAll(async () => svc.close());
  return {
    say: async (as: string, text: string) => (await sandboxPost<Answer>(svc, 'command', { as, text })).body.reply,
    press: async (as: string, a: CardAction) => (await sandboxPost<Answer>(svc, 'action', { as, actionId: a.id, value: a.value })).body.reply,
  };
}

function cardText(c: Card): string {
  return [c.title, c.text, ...(c.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.lines ?? []), c.context].filter(Boolean).join('\n');
}

/** Everything a reply's cards say: titles, texts, fields, lines and context. */
export const replyText = (r: Reply) => r.cards.map(cardText).join('\n');
/** Every button of a reply's cards. */
export const replyActions = (r: Reply) => r.cards.flatMap((c) => c.actions ?? []);
/** The first lead id a reply names. */
export const leadIdIn = (r: Reply) => replyText(r).match(/L-\d+/)![0];
