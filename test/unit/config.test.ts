import { ConfigError, loadConfig } from '../../src/config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('should use the defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DEFAULT_LOCALE).toBe('en');
    expect(c.DEFAULT_TIMEZONE).toBe('Asia/Shanghai');
    expect(c.DEFAULT_PHONE_REGION).toBe('CN');
    expect(c.slackEnabled).toBe(false);
    expect(c.MONGODB_URI).toBeUndefined();
  });

  it('should read valid values', () => {
    const c = loadConfig({ PORT: '8080', DEFAULT_LOCALE: 'zh-CN', DEFAULT_TIMEZONE: 'Europe/London', MONGODB_URI: 'mongodb://db:27017' });
    expect(c.PORT).toBe(8080);
    expect(c.DEFAULT_LOCALE).toBe('zh-CN');
    expect(c.DEFAULT_TIMEZONE).toBe('Europe/London');
    expect(c.MONGODB_URI).toBe('mongodb://db:27017');
  });

  it('should treat an empty PORT like an unset one and use 3000', () => {
    // `PORT=` in a .env file or `PORT=${PORT}` in compose must not mean "any free port" (0).
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('should name every bad variable in one ConfigError', () => {
    const err = configError({ PORT: 'abc', DEFAULT_LOCALE: 'fr', DEFAULT_TIMEZONE: 'Mars/Base', MONGODB_URI: 'http://x' });
    for (const name of ['PORT', 'DEFAULT_LOCALE', 'DEFAULT_TIMEZONE', 'MONGODB_URI']) {
      expect(err.message).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
  });

  it('should name bad values and incomplete platform sets together in one ConfigError', () => {
    const err = configError({ PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', WECOM_CORP_ID: 'ww1', WECOM_BOT_TOKEN: 't' });
    for (const name of ['PORT', 'SLACK_BOT_TOKEN', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY']) {
      expect(err.message).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
    expect(err.message).toContain('the intelligent bot needs');
  });

  it('should not name variables that are fine', () => {
    const err = configError({ PORT: 'abc', DEFAULT_LOCALE: 'en' });
    expect(err.message).toMatch(/^\s*PORT:/m);
    expect(err.message).not.toMatch(/DEFAULT_LOCALE/);
  });

  it('should reject a port out of range', () => {
    expect(configError({ PORT: '70000' }).message).toMatch(/^\s*PORT:/m);
  });

  it('should enable Slack with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret' });
    expect(c.slackEnabled).toBe(true);
    expect(c.SLACK_BOT_TOKEN).toBe('xoxb-1-2');
  });

  it('should enable Slack in Socket Mode with SLACK_BOT_TOKEN and SLACK_APP_TOKEN', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-2' }).slackEnabled).toBe(true);
  });

  it('should refuse SLACK_BOT_TOKEN alone', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1-2' }).message).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('should refuse a signing secret without a bot token', () => {
    expect(configError({ SLACK_SIGNING_SECRET: 'secret' }).message).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('should refuse a bot token that is not an xoxb- token', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxp-1-2', SLACK_SIGNING_SECRET: 'secret' }).message).toMatch(/^\s*SLACK_BOT_TOKEN:.*xoxb-/m);
  });

  it('should treat empty Slack variables as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_API_URL: '' }).slackEnabled).toBe(false);
  });

  it('should require SLACK_API_URL to be a URL', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret' };
    expect(configError({ ...slack, SLACK_API_URL: 'not a url' }).message).toMatch(/^\s*SLACK_API_URL:/m);
    expect(loadConfig({ ...slack, SLACK_API_URL: 'http://127.0.0.1:9999/api/' }).SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
  });
});
