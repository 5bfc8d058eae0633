import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTypedCommand } from '../../src/dispatcher/typed';
import { COMMANDS } from '../../src/dispatcher/dispatch';
import { MENU_PREFIX } from '../../src/channels/wecom/to-bot-request';

interface MenuButton {
  type?: string;
  name: string;
  key?: string;
  sub_button?: MenuButton[];
}

const menu = JSON.parse(readFileSync(path.resolve(__dirname, '../../manifests/wecom-menu.json'), 'utf8')) as { button: MenuButton[] };
const leaves = menu.button.flatMap((b) => (b.sub_button?.length ? b.sub_button : [b]));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('manifests/wecom-menu.json', () => {
  it("should stay within WeCom's menu limits (3 top-level buttons, 5 sub-buttons, name and key lengths)", () => {
    expect(menu.button.length).toBeGreaterThanOrEqual(1);
    expect(menu.button.length).toBeLessThanOrEqual(3);
    for (const b of menu.button) {
      expect(bytes(b.name)).toBeLessThanOrEqual(16);
      expect((b.sub_button ?? []).length).toBeLessThanOrEqual(5);
      for (const s of b.sub_button ?? []) expect(bytes(s.name)).toBeLessThanOrEqual(40);
    }
    for (const leaf of leaves) {
      expect(leaf.type).toBe('click');
      expect(bytes(leaf.key!)).toBeLessThanOrEqual(128);
    }
  });

  it('should map every button to a command ChatCRM knows', () => {
    const names = new Set(COMMANDS.map((c) => c.name));
    for (const leaf of leaves) {
      expect(leaf.key!.startsWith(MENU_PREFIX)).toBe(true);
      const typed = parseTypedCommand(leaf.key!.slice(MENU_PREFIX.length));
      expect(typed).not.toBeNull();
      const sub = typed!.text.split(/\s+/)[0];
      const known = sub === 'help' || names.has(`${typed!.command.slice(1)} ${sub}`);
      expect({ key: leaf.key, known }).toEqual({ key: leaf.key, known: true });
    }
  });
});
