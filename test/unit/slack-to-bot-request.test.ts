import { cardToBlocks } from '../../src/channels/slack/render-slack';
import { fromBlockAction, fromMessageShortcut, fromSlashCommand, fromViewSubmission, unescapeSlackText } from '../../src/channels/slack/to-bot-request';

describe('unescapeSlackText', () => {
  it('should turn a mailto link back into the address', () => {
    expect(unescapeSlackText('<mailto:a@b.cn|a@b.cn>')).toBe('a@b.cn');
    expect(unescapeSlackText('mail <mailto:zhang@acme.cn|zhang@acme.cn> today')).toBe('mail zhang@acme.cn today');
  });

  it('should turn tel and web links back into what was typed', () => {
    expect(unescapeSlackText('<tel:+8613812345678|+86 138 1234 5678>')).toBe('+86 138 1234 5678');
    expect(unescapeSlackText('<http://acme.cn|acme.cn>')).toBe('acme.cn');
    expect(unescapeSlackText('<https://acme.cn/x>')).toBe('https://acme.cn/x');
  });

  it('should keep user mentions as they are', () => {
    expect(unescapeSlackText('assign to <@U123|alice>')).toBe('assign to <@U123|alice>');
    expect(unescapeSlackText('<@U123>')).toBe('<@U123>');
  });

  it('should decode &amp;, &lt; and &gt;', () => {
    expect(unescapeSlackText('Tom &amp; Jerry &lt;3 a&gt;b')).toBe('Tom & Jerry <3 a>b');
  });

  it('should decode &amp; only once', () => {
    expect(unescapeSlackText('&amp;lt;')).toBe('&lt;');
  });
});

const team = { id: 'T1', domain: 'acme' };
const user = { id: 'U1', username: 'alice', team_id: 'T1' };

describe('fromSlashCommand', () => {
  it('should map a slash command and unescape its text', () => {
    expect(
      fromSlashCommand({
        team_id: 'T1',
        team_domain: 'acme',
        user_id: 'U1',
        user_name: 'alice',
        channel_id: 'C1',
        command: '/lead',
        text: 'add Acme &amp; Sons Ltd; <mailto:a@b.cn|a@b.cn>',
      }),
    ).toEqual({
      kind: 'command',
      platform: 'slack',
      workspaceId: 'T1',
      workspaceName: 'acme',
      userId: 'U1',
      userName: 'alice',
      channelId: 'C1',
      command: '/lead',
      text: 'add Acme & Sons Ltd; a@b.cn',
    });
  });
});

describe('fromBlockAction', () => {
  it('should strip the ":<index>" suffix from the action id', () => {
    const req = fromBlockAction({ team, user, channel: { id: 'C1' }, actions: [{ action_id: 'lead_page:12', value: '3' }] });
    expect(req).toEqual({
      kind: 'action',
      platform: 'slack',
      workspaceId: 'T1',
      workspaceName: 'acme',
      userId: 'U1',
      userName: 'alice',
      channelId: 'C1',
      actionId: 'lead_page',
      value: '3',
    });
  });

  it('should leave an action id without a suffix alone and default a missing value to ""', () => {
    const req = fromBlockAction({ team, user, actions: [{ action_id: 'lead_open' }] });
    expect(req).toMatchObject({ kind: 'action', actionId: 'lead_open', value: '' });
  });

  it('should give back the neutral action id of every button the renderer made', () => {
    const [block] = cardToBlocks({
      actions: [
        { id: 'lead_page', label: 'Prev', value: '1' },
        { id: 'lead_page', label: 'Next', value: '3' },
      ],
    });
    const ids = (block.elements as { action_id: string; value: string }[]).map(
      (e) => fromBlockAction({ team, user, actions: [e] }) as { actionId: string },
    );
    expect(ids.map((r) => r.actionId)).toEqual(['lead_page', 'lead_page']);
  });

  it('should take the workspace from the user when the team is missing', () => {
    expect(fromBlockAction({ team: null, user, actions: [{ action_id: 'x:0' }] }).workspaceId).toBe('T1');
  });
});

describe('fromViewSubmission', () => {
  it('should map plain_text_input values and users_select selected_user by block id', () => {
    // As Slack sends them: each block id maps its element's action id to the element state.
    const values = {
      company: { value: { type: 'plain_text_input', value: 'Acme Ltd' } },
      note: { value: { type: 'plain_text_input', value: null } },
      owner: { value: { type: 'users_select', selected_user: 'U999' } },
    };
    const req = fromViewSubmission({ team, user, view: { callback_id: 'lead_reassign_form', private_metadata: 'L-12', state: { values } } });
    expect(req).toEqual({
      kind: 'form',
      platform: 'slack',
      workspaceId: 'T1',
      workspaceName: 'acme',
      userId: 'U1',
      userName: 'alice',
      channelId: undefined,
      formId: 'lead_reassign_form',
      values: { company: 'Acme Ltd', note: '', owner: 'U999' },
      metadata: 'L-12',
    });
  });

  it('should default missing metadata to ""', () => {
    const req = fromViewSubmission({ team, user, view: { callback_id: 'f', state: { values: {} } } });
    expect(req).toMatchObject({ kind: 'form', formId: 'f', values: {}, metadata: '' });
  });
});

describe('fromMessageShortcut', () => {
  it('should carry the unescaped message text', () => {
    const req = fromMessageShortcut({
      team,
      user,
      channel: { id: 'C1' },
      callback_id: 'save_as_lead',
      message: { text: 'Li Na, Globex Ltd, <mailto:li@globex.com|li@globex.com> &amp; more' },
    });
    expect(req).toMatchObject({ kind: 'shortcut', shortcutId: 'save_as_lead', messageText: 'Li Na, Globex Ltd, li@globex.com & more' });
  });
});

describe('malformed payloads (Socket Mode has no HTTP check before the listeners)', () => {
  it('should refuse a slash command without a string team_id before mapping it', () => {
    const cmd = { user_id: 'U1', command: '/lead', text: 'list' };
    expect(() => fromSlashCommand(cmd)).toThrow(expect.objectContaining({ name: 'AppError', code: 'invalid_input', message: 'invalid Slack slash command: team_id' }));
    expect(() => fromSlashCommand({ ...cmd, team_id: ['T1', 'T2'] })).toThrow(/team_id/);
  });

  it('should refuse a click without a user, or naming no workspace', () => {
    expect(() => fromBlockAction({ team, actions: [{ action_id: 'lead_open:0' }] })).toThrow(/user/);
    expect(() => fromBlockAction({ team: null, user: { id: 'U1' }, actions: [{ action_id: 'lead_open:0' }] })).toThrow(/team\.id/);
    expect(() => fromViewSubmission({ team, user, view: { callback_id: 'f', state: { values: null } } })).toThrow(/view\.state\.values/);
    expect(() => fromMessageShortcut({ team, user, callback_id: 'save_as_lead' })).toThrow(/message/);
  });
});
