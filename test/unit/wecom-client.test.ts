import pino from 'pino';
import { Writable } from 'node:stream';
import { WecomApiError, WecomClient, WecomConfigError, WecomNetworkError, type WecomClientOptions } from '../../src/channels/wecom/wecom-client';
import { WecomWebhook } from '../../src/channels/wecom/wecom-webhook';
import { FakeWecom, WECOM_AGENT_ID, WECOM_CORP_ID, WECOM_SECRET } from '../helpers/wecom-api';

/**
 * A fake ms clock. In `auto` mode sleep() jumps the clock forward at once (for retry back-offs);
 * otherwise sleepers wait until the test calls advance() past their deadline (for pacing).
 */
class FakeClock {
  t = 1_700_000_000_000;
  readonly sleeps: number[] = [];
  private timers: Array<{ at: number; wake: () => void }> = [];

  constructor(private readonly auto = true) {}

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    if (this.auto) {
      this.t += ms;
      return Promise.resolve();
    }
    return new Promise((wake) => this.timers.push({ at: this.t + ms, wake }));
  };

  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((s) => s.at <= this.t);
    this.timers = this.timers.filter((s) => s.at > this.t);
    due.forEach((s) => s.wake());
  }

  get sleepers(): number {
    return this.timers.length;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const silent = pino({ level: 'silent' });
const text = (content: string) => ({ msgtype: 'text' as const, text: { content } });

describe('WecomClient', () => {
  const fake = new FakeWecom();
  let clock: FakeClock;

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    clock = new FakeClock();
  });

  function client(overrides: Partial<WecomClientOptions> = {}): WecomClient {
    return new WecomClient({
      baseUrl: fake.url,
      corpId: WECOM_CORP_ID,
      secret: WECOM_SECRET,
      agentId: WECOM_AGENT_ID,
      logger: silent,
      now: clock.now,
      sleep: clock.sleep,
      ...overrides,
    });
  }

  const sentTexts = () => fake.called('message/send').map((c) => (c.body.text as { content: string }).content);

  describe('never twice', () => {
    it('should not send a message again when the connection died after WeCom may have received it', async () => {
      const c = client();
      await c.getToken();
      fake.dropNext('message/send');
      await expect(c.sendMessage('zhangsan', { msgtype: 'text', text: { content: 'once' } })).rejects.toBeInstanceOf(WecomNetworkError);
      expect(sentTexts()).toEqual(['once']);
    });

    it('should still retry a token request whose connection died', async () => {
      fake.dropNext('gettoken');
      await expect(client().getToken()).resolves.toMatch(/^token-/);
      expect(fake.called('gettoken')).toHaveLength(2);
    });
  });

  describe('API calls', () => {
    it('should send a message with the documented body and the token in the query string', async () => {
      const result = await client().sendMessage('zhangsan', { msgtype: 'markdown', markdown: { content: '**hi**' } });

      expect(result).toEqual({ msgid: 'msg-1', responseCode: 'rc-1' });
      const [token] = fake.called('gettoken');
      expect(token.query).toEqual({ corpid: WECOM_CORP_ID, corpsecret: WECOM_SECRET });
      const [send] = fake.called('message/send');
      expect(send.query).toEqual({ access_token: 'token-1' });
      expect(send.body).toEqual({ touser: 'zhangsan', msgtype: 'markdown', agentid: WECOM_AGENT_ID, markdown: { content: '**hi**' }, enable_duplicate_check: 0 });
    });

    it('should update a template card with either a button label or a whole card', async () => {
      const c = client();
      await c.updateTemplateCard({ userids: ['lisi'], responseCode: 'rc-9', button: { replace_name: 'Approved' } });
      await c.updateTemplateCard({ userids: ['lisi'], responseCode: 'rc-10', templateCard: { card_type: 'text_notice' } });

      const [first, second] = fake.called('message/update_template_card');
      expect(first.query).toEqual({ access_token: 'token-1' });
      expect(first.body).toEqual({ userids: ['lisi'], agentid: WECOM_AGENT_ID, response_code: 'rc-9', button: { replace_name: 'Approved' } });
      expect(second.body).toEqual({ userids: ['lisi'], agentid: WECOM_AGENT_ID, response_code: 'rc-10', template_card: { card_type: 'text_notice' } });
    });

    it('should refuse a template card update with neither or both of button and card', async () => {
      const c = client();
      await expect(c.updateTemplateCard({ userids: ['lisi'], responseCode: 'rc-1' })).rejects.toThrow(/exactly one/);
      await expect(c.updateTemplateCard({ userids: ['lisi'], responseCode: 'rc-1', button: { replace_name: 'x' }, templateCard: {} })).rejects.toThrow(/exactly one/);
      expect(fake.calls).toHaveLength(0);
    });

    it('should raise WecomApiError without retrying for an errcode that is not temporary', async () => {
      fake.failNext('message/send', 81013);
      const err = await client().sendMessage('ghost', text('hi')).catch((e: unknown) => e);

      expect(err).toBeInstanceOf(WecomApiError);
      expect(err).toMatchObject({ errcode: 81013, api: 'message/send' });
      expect(fake.called('message/send')).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    });
  });

  describe('access token', () => {
    it('should reuse the token until 5 minutes before it expires, then fetch a new one', async () => {
      const c = client();
      await c.sendMessage('a', text('1'));
      clock.advance(7200_000 - 5 * MINUTE - 1);
      await c.sendMessage('a', text('2'));
      expect(fake.called('gettoken')).toHaveLength(1);

      clock.advance(1);
      await c.sendMessage('a', text('3'));
      expect(fake.called('gettoken')).toHaveLength(2);
      expect(fake.called('message/send').map((s) => s.query.access_token)).toEqual(['token-1', 'token-1', 'token-2']);
    });

    it('should share one gettoken request among concurrent callers', async () => {
      const c = client();
      const members = Array.from({ length: 10 }, (_, i) => `user${i}`);
      await Promise.all(members.map((m) => c.sendMessage(m, text('hello'))));

      expect(fake.called('gettoken')).toHaveLength(1);
      expect(fake.called('message/send')).toHaveLength(10);
    });

    it('should fetch a new token and retry once when WeCom answers 40014', async () => {
      fake.failNext('message/send', 40014);
      const result = await client().sendMessage('a', text('hi'));

      expect(result.msgid).toBe('msg-1');
      expect(fake.called('gettoken')).toHaveLength(2);
      expect(fake.called('message/send').map((s) => [s.query.access_token, s.errcode])).toEqual([
        ['token-1', 40014],
        ['token-2', 0],
      ]);
    });

    it('should fetch a new token and retry once when the token has expired (42001)', async () => {
      const c = client();
      await c.sendMessage('a', text('1'));
      fake.expireTokens();
      await c.sendMessage('a', text('2'));

      expect(fake.called('gettoken')).toHaveLength(2);
      expect(fake.called('message/send').map((s) => s.errcode)).toEqual([0, 42001, 0]);
      expect(sentTexts()).toEqual(['1', '2', '2']);
    });

    it('should give up after a second 40014 in a row instead of looping', async () => {
      fake.failNext('message/send', 40014, 5);
      await expect(client().sendMessage('a', text('hi'))).rejects.toMatchObject({ errcode: 40014 });

      expect(fake.called('gettoken')).toHaveLength(2);
      expect(fake.called('message/send')).toHaveLength(2);
    });

    it.each([
      [40001, 'a wrong secret', { secret: 'wrong-secret' }],
      [40013, 'a wrong corpid', { corpId: 'ww-wrong' }],
      [60020, 'an untrusted IP', {}],
    ])('should stop asking for tokens during the cool-down after %i (%s)', async (errcode, _why, overrides) => {
      if (errcode === 60020) fake.failNext('gettoken', 60020);
      const lines: Array<{ level: number; msg: string }> = [];
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      });
      const logger = pino({ level: 'info' }, sink);
      const c = client({ ...overrides, logger });

      const errors = [];
      for (let i = 0; i < 4; i++) errors.push(await c.sendMessage('a', text(`${i}`)).catch((e: unknown) => e));
      clock.advance(9 * MINUTE);
      errors.push(await c.getToken().catch((e: unknown) => e));

      expect(errors.every((e) => e instanceof WecomConfigError && e.errcode === errcode)).toBe(true);
      expect(fake.called('gettoken')).toHaveLength(1);
      expect(fake.called('message/send')).toHaveLength(0);
      expect(lines.filter((l) => l.level === 50 && /configuration error/.test(l.msg))).toHaveLength(1);

      // After the cool-down it asks once more (and the fake still says no, except for the scripted IP case).
      clock.advance(MINUTE);
      await c.getToken().catch(() => undefined);
      expect(fake.called('gettoken')).toHaveLength(2);
    });

    it('should treat 60020 on message/send (the usual place for an untrusted IP) as a configuration error and stop calling', async () => {
      fake.failNext('message/send', 60020);
      const c = client();
      const first = await c.sendMessage('a', text('1')).catch((e: unknown) => e);
      const second = await c.sendMessage('b', text('2')).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(WecomConfigError);
      expect(second).toBe(first);
      expect(fake.called('message/send')).toHaveLength(1);
      expect(fake.called('gettoken')).toHaveLength(1);
      clock.advance(10 * MINUTE);
      await c.sendMessage('c', text('3'));
      expect(sentTexts()).toEqual(['1', '3']);
    });

    it('should retry 40001 on a business call once with a fresh token, then call it a configuration error', async () => {
      fake.failNext('message/send', 40001);
      await client().sendMessage('a', text('once'));
      expect(fake.called('gettoken')).toHaveLength(2);
      expect(fake.called('message/send')).toHaveLength(2);

      fake.reset();
      fake.failNext('message/send', 40001, 2);
      const c = client();
      await expect(c.sendMessage('a', text('twice'))).rejects.toBeInstanceOf(WecomConfigError);
      await expect(c.sendMessage('a', text('again'))).rejects.toBeInstanceOf(WecomConfigError);
      expect(fake.called('message/send')).toHaveLength(2);
    });
  });

  describe('retries', () => {
    it('should wait about a minute after 45009 and then succeed', async () => {
      fake.failNext('message/send', 45009);
      const result = await client().sendMessage('a', text('hi'));

      expect(result.msgid).toBe('msg-1');
      expect(clock.sleeps).toEqual([60_000]);
      expect(fake.called('message/send').map((s) => s.errcode)).toEqual([45009, 0]);
    });

    it('should retry 45009 at most 3 times', async () => {
      fake.failNext('message/send', 45009, 10);
      await expect(client().sendMessage('a', text('hi'))).rejects.toMatchObject({ errcode: 45009 });

      expect(fake.called('message/send')).toHaveLength(4);
      expect(clock.sleeps).toEqual([60_000, 60_000, 60_000]);
    });

    it('should retry -1 (busy) with 1 s, 2 s, 4 s back-off and at most 3 times', async () => {
      fake.failNext('message/send', -1, 10);
      await expect(client().sendMessage('a', text('hi'))).rejects.toMatchObject({ errcode: -1 });

      expect(fake.called('message/send')).toHaveLength(4);
      expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    });

    it('should succeed when WeCom stops being busy within the retries', async () => {
      fake.failNext('message/send', -1, 2);
      const result = await client().sendMessage('a', text('hi'));

      expect(result.msgid).toBe('msg-1');
      expect(fake.called('message/send').map((s) => s.errcode)).toEqual([-1, -1, 0]);
    });

    it("should retry an HTTP 502 on a send with WeCom's duplicate check on, which cannot deliver it twice", async () => {
      fake.httpFailNext('message/send', 502, 1);
      await client().sendMessage('a', text('hi'), { duplicateCheck: true });

      expect(fake.called('message/send').map((s) => s.status)).toEqual([502, 200]);
      expect(clock.sleeps).toEqual([1000]);
    });

    it('should not repeat a send without the duplicate check after an HTTP 502 (WeCom may have taken it)', async () => {
      fake.httpFailNext('message/send', 502, 1);
      await expect(client().sendMessage('a', text('hi'))).rejects.toBeInstanceOf(WecomNetworkError);
      expect(fake.called('message/send').map((s) => s.status)).toEqual([502]);
    });

    it('should not retry an HTTP 4xx without an errcode', async () => {
      fake.httpFailNext('message/send', 404, 1);
      await expect(client().sendMessage('a', text('hi'))).rejects.toBeInstanceOf(WecomNetworkError);
      expect(fake.called('message/send')).toHaveLength(1);
    });

    it('should retry network errors 3 times and report them without the secret', async () => {
      const c = client({ baseUrl: 'http://127.0.0.1:1' });
      const err = await c.getToken().catch((e: unknown) => e);

      expect(err).toBeInstanceOf(WecomNetworkError);
      expect(clock.sleeps).toEqual([1000, 2000, 4000]);
      expect(String((err as Error).message)).not.toContain(WECOM_SECRET);
    });
  });

  describe('per-member pacing', () => {
    beforeEach(() => {
      clock = new FakeClock(false);
    });

    it('should send 30 messages at once and hold the rest until the minute window has passed', async () => {
      const c = client();
      const results = Array.from({ length: 35 }, (_, i) => c.sendMessage('alice', text(`m${i}`)));

      await fake.waitFor(() => fake.called('message/send').length === 30 && clock.sleepers === 1);
      expect(fake.called('message/send')).toHaveLength(30);
      expect(c.pending()).toBe(5);

      clock.advance(MINUTE - 1);
      await new Promise((r) => setTimeout(r, 50));
      expect(fake.called('message/send')).toHaveLength(30);

      clock.advance(1);
      await Promise.all(results);
      expect(sentTexts()).toEqual(Array.from({ length: 35 }, (_, i) => `m${i}`));
      expect(c.pending()).toBe(0);
    });

    it('should not hold up another member while one member waits', async () => {
      const c = client({ perMinute: 2 });
      void c.sendMessage('alice', text('a1'));
      void c.sendMessage('alice', text('a2'));
      const held = c.sendMessage('alice', text('a3'));
      await fake.waitFor(() => clock.sleepers === 1);

      await c.sendMessage('bob', text('b1'));
      expect(sentTexts()).toEqual(['a1', 'a2', 'b1']);

      clock.advance(MINUTE);
      await held;
      expect(sentTexts()).toEqual(['a1', 'a2', 'b1', 'a3']);
    });

    it('should not count messages WeCom refused against the member quota', async () => {
      const c = client({ perMinute: 2 });
      fake.failNext('message/send', 81013, 3);
      for (let i = 0; i < 3; i++) await expect(c.sendMessage('alice', text(`refused${i}`))).rejects.toMatchObject({ errcode: 81013 });

      await c.sendMessage('alice', text('ok1'));
      await c.sendMessage('alice', text('ok2'));
      expect(clock.sleepers).toBe(0);
      expect(fake.called('message/send').map((s) => s.errcode)).toEqual([81013, 81013, 81013, 0, 0]);
    });

    it('should count a message whose delivery is uncertain (network failure) against the quota', async () => {
      clock = new FakeClock(true); // the back-offs of the failed attempts just move the clock on
      const c = client({ perMinute: 1, baseUrl: 'http://127.0.0.1:1' });
      await expect(c.sendMessage('alice', text('lost?'))).rejects.toBeInstanceOf(WecomNetworkError);
      const before = clock.sleeps.length;

      await expect(c.sendMessage('alice', text('again'))).rejects.toBeInstanceOf(WecomNetworkError);
      expect(clock.sleeps[before]).toBe(MINUTE); // the pacer's wait comes before any retry back-off
    });

    it('should keep a member under the hourly cap as well as the minute cap', async () => {
      const c = client({ perMinute: 3, perHour: 5 });
      const results = Array.from({ length: 7 }, (_, i) => c.sendMessage('alice', text(`m${i}`)));
      const settled = () => fake.waitFor(() => clock.sleepers === 1);

      await settled();
      expect(sentTexts()).toHaveLength(3);
      clock.advance(MINUTE);
      await settled();
      expect(sentTexts()).toHaveLength(5);
      clock.advance(HOUR - MINUTE - 1);
      await new Promise((r) => setTimeout(r, 50));
      expect(sentTexts()).toHaveLength(5);

      clock.advance(1);
      await Promise.all(results);
      expect(sentTexts()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    });
  });
});

describe('WecomWebhook', () => {
  const fake = new FakeWecom();

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => fake.reset());

  it('should post the message as JSON to the webhook URL', async () => {
    const clock = new FakeClock();
    await new WecomWebhook(fake.webhookUrl('k1'), { logger: silent, now: clock.now, sleep: clock.sleep }).send(text('deploy done'));

    const [call] = fake.called('webhook/send');
    expect(call.query).toEqual({ key: 'k1' });
    expect(call.body).toEqual({ msgtype: 'text', text: { content: 'deploy done' } });
  });

  it('should send 20 messages a minute and hold the rest', async () => {
    const clock = new FakeClock(false);
    const hook = new WecomWebhook(fake.webhookUrl(), { logger: silent, now: clock.now, sleep: clock.sleep });
    const results = Array.from({ length: 22 }, (_, i) => hook.send(text(`w${i}`)));

    await fake.waitFor(() => fake.called('webhook/send').length === 20 && clock.sleepers === 1);
    expect(fake.called('webhook/send')).toHaveLength(20);

    clock.advance(MINUTE);
    await Promise.all(results);
    expect(fake.called('webhook/send').map((c) => (c.body.text as { content: string }).content)).toEqual(Array.from({ length: 22 }, (_, i) => `w${i}`));
  });

  it('should back off after 45009 and then deliver', async () => {
    const clock = new FakeClock();
    fake.failNext('webhook/send', 45009);
    await new WecomWebhook(fake.webhookUrl(), { logger: silent, now: clock.now, sleep: clock.sleep }).send(text('x'));

    expect(clock.sleeps).toEqual([60_000]);
    expect(fake.called('webhook/send').map((c) => c.errcode)).toEqual([45009, 0]);
  });

  it.each([93000, 93004])('should raise WecomApiError %i for a removed or disabled robot without retrying', async (errcode) => {
    const clock = new FakeClock();
    fake.failNext('webhook/send', errcode);
    const hook = new WecomWebhook(fake.webhookUrl(), { logger: silent, now: clock.now, sleep: clock.sleep });

    await expect(hook.send(text('x'))).rejects.toMatchObject({ name: 'WecomApiError', errcode });
    expect(fake.called('webhook/send')).toHaveLength(1);
  });
});
