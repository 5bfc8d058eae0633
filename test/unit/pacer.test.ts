import { Pacer } from '../../src/channels/wecom/pacer';
import { requestContext } from '../../src/platform/logger';

// The pacer runs queued sends later, inside whichever caller started the lane's loop; each send must
// still log under its own request's id, not the first caller's.

describe('Pacer', () => {
  it("should run each task in its own caller's request context", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const pacer = new Pacer({ windows: [{ limit: 10, ms: 60_000 }], now: Date.now, sleep: async () => undefined });
    const seen: (string | undefined)[] = [];
    const first = requestContext.run('req-A', () =>
      pacer.schedule('member', async () => {
        await gate;
        seen.push(requestContext.getStore());
      }),
    );
    const second = requestContext.run('req-B', () => pacer.schedule('member', async () => void seen.push(requestContext.getStore())));
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual(['req-A', 'req-B']);
  });
});
