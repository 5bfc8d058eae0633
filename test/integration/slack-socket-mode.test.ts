import { useTestDb } from '../helpers/db';
import { buttons, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { FakeSlackSocket } from '../helpers/slack-socket';
import { leadByCompany, leadCount } from '../helpers/app-data';

// A developer without a public URL: SLACK_APP_TOKEN and SLACK_BOT_TOKEN, no signing secret. The real
// @slack/socket-mode client asks the (fake) Web API for a WebSocket URL and takes commands from it.
const APP_TOKEN = 'xapp-1-A1-test';

useTestDb();
let socket: FakeSlackSocket;
let svc: TestService;
beforeAll(async () => {
  socket = await new FakeSlackSocket().start();
  svc = await startService({ SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: APP_TOKEN }, undefined, {}, socket.url);
});
afterAll(async () => {
  await svc?.close();
  await socket?.stop();
});

function command(text: string, responseId: string): Record<string, string> {
  return {
    token: 'deprecated',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: 'C1',
    channel_name: 'sales',
    user_id: 'UADMIN',
    user_name: 'admin',
    command: '/lead',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: svc.slack.responseUrl(responseId),
    trigger_id: `trigger.${responseId}`,
  };
}

describe('Slack in Socket Mode', () => {
  it('should open the connection with the app-level token at the configured Web API URL', () => {
    const opens = svc.slack.called('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0].headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('should answer a slash command envelope with the lead card in the ack on the socket', async () => {
    const envelope = socket.slashCommand(command('add Socket Co; Wang Fang; +86 139 1111 2222', 's1'));
    const ack = await socket.waitForAck(envelope);
    const message = ack.payload as SlackMessage;
    expect(message.response_type).toBe('ephemeral');
    expect(visibleText(message)).toMatch(/L-\d+ · Socket Co/);
    expect(visibleText(message)).toContain('Wang Fang · +86 139 1111 2222');
    expect(await leadCount('Socket Co')).toBe(1);
    // The answer travelled on the socket, not to the response URL.
    expect(svc.slack.responses('s1')).toHaveLength(0);
  });

  it('should take a button click from the socket, acknowledge it, and answer at the response URL', async () => {
    const added = await socket.waitForAck(socket.slashCommand(command('add Click Socket Ltd; Li Na; lina@click.example', 's3')));
    const advance = buttons(added.payload as SlackMessage).find((b) => b.actionId.startsWith('lead_advance'))!;
    const envelope = socket.interactive({
      type: 'block_actions',
      user: { id: 'UADMIN', username: 'admin', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'deprecated',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
      trigger_id: 'trigger.s4',
      team: { id: 'T1', domain: 'acme' },
      channel: { id: 'C1', name: 'sales' },
      response_url: svc.slack.responseUrl('s4'),
      actions: [{ type: 'button', action_id: advance.actionId, block_id: 'b1', value: advance.value, action_ts: '1.2' }],
    });
    expect((await socket.waitForAck(envelope)).payload).toEqual({});
    await svc.slack.waitFor(() => svc.slack.responses('s4').length > 0);
    expect(visibleText(svc.slack.responses('s4')[0].body as SlackMessage)).toContain('moved to Contacted');
    expect((await leadByCompany('Click Socket Ltd'))!.stage).toBe('contacted');
  });

  it('should answer a bare /lead on the socket with how to use it', async () => {
    const envelope = socket.slashCommand(command('', 's2'));
    const ack = await socket.waitForAck(envelope);
    expect(visibleText(ack.payload as SlackMessage)).toContain('/lead');
  });
});
