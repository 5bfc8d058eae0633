import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ACTIONS, FORMS, SHORTCUTS, SLASH_COMMANDS } from '../../src/dispatcher/constants';
import { LEAD_ACTIONS, LEAD_FORMS } from '../../src/modules/leads';
import { TICKET_ACTIONS, TICKET_FORMS } from '../../src/modules/tickets';
import { NUDGE_ACTIONS } from '../../src/modules/follow-ups';
import { LOG_FORMS } from '../../src/modules/interactions';
import { MERGE_ACTIONS } from '../../src/modules/duplicates';
import { COMMANDS } from '../../src/dispatcher/dispatch';

// The Slack manifests must declare exactly what the app registers (src/dispatcher/constants.ts, which
// assembles each module's action and form ids) and
// must be accepted by Slack's own manifest schema (vendored in manifests/schema so a clean clone
// can run this test without network access).

const ROOT = path.join(__dirname, '..', '..');
const MANIFESTS = path.join(ROOT, 'manifests');
const SCHEMA_DIR = path.join(MANIFESTS, 'schema');
/** The entry schema points at the versioned schemas by these URLs; we register the vendored copies under them. */
const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
const VERSIONED_SCHEMAS = ['manifest.schema.1.0.0.json', 'manifest.schema.2.0.0.json'];
const EVENTS_URL_PATH = '/slack/events';

interface SlashCommandEntry {
  command: string;
  url?: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
}
interface ShortcutEntry {
  name: string;
  type: 'message' | 'global';
  callback_id: string;
  description: string;
}
interface Manifest {
  features?: { slash_commands?: SlashCommandEntry[]; shortcuts?: ShortcutEntry[] };
  settings?: {
    socket_mode_enabled?: boolean;
    interactivity?: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string };
    event_subscriptions?: { request_url?: string };
  };
  oauth_config?: { redirect_urls?: string[]; scopes?: { bot?: string[] } };
}

function loadManifest(file: string): Manifest {
  return parse(readFileSync(path.join(MANIFESTS, file), 'utf8')) as Manifest;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
}

/** Every string value in the manifest that looks like a URL, with its location. */
function urlsIn(value: unknown, at = ''): { at: string; url: string }[] {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? [{ at, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urlsIn(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsIn(v, at ? `${at}.${k}` : k));
  return [];
}

function compileSchema(): ValidateFunction {
  // strict: false because Slack's schema is not strict-mode clean (e.g. `required` without `type`).
  const ajv = new Ajv({ strict: false, allErrors: true, formats: { uri: (s: string) => URL.canParse(s) } });
  // Slack's schema uses a non-standard `regex` keyword (background_color); enforce it like `pattern`.
  ajv.addKeyword({ keyword: 'regex', type: 'string', schemaType: 'string', validate: (re: string, data: string) => new RegExp(re).test(data) });
  for (const file of VERSIONED_SCHEMAS) ajv.addSchema(readJson(file), SCHEMA_BASE_URL + file);
  return ajv.compile(readJson('manifest.schema.json'));
}

const manifests = {
  'slack.yaml': loadManifest('slack.yaml'),
  'slack.dev.yaml': loadManifest('slack.dev.yaml'),
};
const all = Object.entries(manifests);
const commandsOf = (m: Manifest) => m.features?.slash_commands ?? [];
const shortcutsOf = (m: Manifest) => m.features?.shortcuts ?? [];
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('Slack manifests', () => {
  it.each(all)('should list exactly the registered slash commands (%s)', (_file, m) => {
    const names = commandsOf(m).map((c) => c.command);
    expect(new Set(names).size).toBe(names.length);
    expect(sorted(names)).toEqual(sorted(SLASH_COMMANDS));
    // and every command group in the registry has its slash command
    const groups = new Set(COMMANDS.map((c) => `/${c.name.split(' ')[0]}`));
    for (const g of groups) expect(names).toContain(g);
  });

  it.each(all)('should mention every registered subcommand in the usage hint (%s)', (_file, m) => {
    for (const c of commandsOf(m)) {
      const subs = COMMANDS.filter((d) => `/${d.name.split(' ')[0]}` === c.command && d.name.includes(' ')).map((d) => d.name.split(' ')[1]);
      // A command without subcommands (/log) takes its arguments directly; its hint is free-form.
      if (!subs.length) continue;
      const hint = (c.usage_hint ?? '').split('|').map((w) => w.trim().split(/\s+/)[0]);
      expect(sorted(hint.filter((w) => w !== 'help'))).toEqual(sorted(subs));
    }
  });

  it.each(all)('should declare every command with should_escape true (%s)', (_file, m) => {
    expect(commandsOf(m).length).toBeGreaterThan(0);
    for (const c of commandsOf(m)) expect({ command: c.command, should_escape: c.should_escape }).toEqual({ command: c.command, should_escape: true });
  });

  it.each(all)('should list exactly the registered shortcuts (%s)', (_file, m) => {
    const ids = shortcutsOf(m).map((s) => s.callback_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sorted(ids)).toEqual(sorted(Object.values(SHORTCUTS)));
    // the app listens for message_action shortcuts only
    for (const s of shortcutsOf(m)) expect(s.type).toBe('message');
  });

  it.each(['slack.yaml', 'slack.dev.yaml'])('should ask for users:read, which users.info needs for real member names (%s)', (file) => {
    expect(loadManifest(file).oauth_config?.scopes?.bot).toContain('users:read');
  });

  it('should point every URL at /slack/events (slack.yaml)', () => {
    const m = manifests['slack.yaml'];
    expect(m.settings?.socket_mode_enabled).toBe(false);
    expect(m.settings?.interactivity?.is_enabled).toBe(true);
    expect(m.settings?.interactivity?.request_url).toBeDefined();
    for (const c of commandsOf(m)) expect(c.url).toBeDefined();
    const urls = urlsIn({ features: m.features, settings: m.settings });
    // one per command, the interactivity request URL and the options-load URL (search as you type)
    expect(urls.length).toBe(commandsOf(m).length + 2);
    for (const { at, url } of urls) expect({ at, path: new URL(url).pathname }).toEqual({ at, path: EVENTS_URL_PATH });
    // one host for everything
    expect(new Set(urls.map(({ url }) => new URL(url).origin)).size).toBe(1);
  });

  it('should not have request URLs in socket mode manifest (slack.dev.yaml)', () => {
    const m = manifests['slack.dev.yaml'];
    expect(m.settings?.socket_mode_enabled).toBe(true);
    expect(m.settings?.interactivity?.is_enabled).toBe(true);
    for (const c of commandsOf(m)) expect(c).not.toHaveProperty('url');
    expect(m.settings?.interactivity).not.toHaveProperty('request_url');
    expect(m.settings?.event_subscriptions ?? {}).not.toHaveProperty('request_url');
    expect(urlsIn({ features: m.features, settings: m.settings })).toEqual([]);
  });

  describe("should satisfy Slack's manifest schema", () => {
    const validate = compileSchema();

    it.each(all)('%s', (_file, m) => {
      const ok = validate(m);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });

    it('rejects broken manifests (the validator is not vacuous)', () => {
      const base = manifests['slack.yaml'] as Record<string, unknown>;
      const broken: Record<string, unknown>[] = [
        { ...base, display_information: undefined },
        { ...base, settings: { ...(base.settings as object), socket_mode: true } },
        { ...base, display_information: { ...(base.display_information as object), background_color: 'blue' } },
        { ...base, display_information: { ...(base.display_information as object), long_description: 'too short' } },
        { ...base, features: { ...(base.features as object), slash_commands: [{ command: 'lead', description: 'no slash' }] } },
      ];
      for (const b of broken) expect(validate(JSON.parse(JSON.stringify(b)))).toBe(false);
    });
  });
});

describe('the id registry', () => {
  const perModule = [LEAD_ACTIONS, TICKET_ACTIONS, NUDGE_ACTIONS, MERGE_ACTIONS, LEAD_FORMS, TICKET_FORMS, LOG_FORMS].flatMap((ids) => Object.values(ids));

  it("should hold every module's action and form ids, none twice", () => {
    const registered = [...Object.values(ACTIONS), ...Object.values(FORMS)];
    expect(new Set(registered).size).toBe(registered.length);
    expect(new Set(perModule).size).toBe(perModule.length);
    for (const id of perModule) expect(registered).toContain(id);
  });
});
