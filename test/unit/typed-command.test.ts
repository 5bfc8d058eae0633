import { parseTypedCommand } from '../../src/commands/typed';

describe('typed commands (WeCom, sandbox)', () => {
  it.each([
    ['/lead add Acme Ltd; Zhang Wei', '/lead', 'add Acme Ltd; Zhang Wei'],
    ['lead add Acme Ltd; Zhang Wei', '/lead', 'add Acme Ltd; Zhang Wei'],
    ['／lead show L-12', '/lead', 'show L-12'],
    ['ＬＥＡＤ list mine', '/lead', 'list mine'],
    ['线索 新增 上海示例科技有限公司；张伟', '/lead', 'add 上海示例科技有限公司；张伟'],
    ['新建线索 上海示例科技有限公司；张伟', '/lead', 'add 上海示例科技有限公司；张伟'],
    ['新建线索：上海示例科技有限公司，张伟', '/lead', 'add 上海示例科技有限公司，张伟'],
    ['跟进 L-12 明天下午3点 回访', '/lead', 'next L-12 明天下午3点 回访'],
    ['我的线索', '/lead', 'list mine'],
    ['帮助', '/crm', 'help'],
    ['help', '/crm', 'help'],
    ['crm lang zh-CN', '/crm', 'lang zh-CN'],
    ['　/crm help', '/crm', 'help'],
  ])('should read %j as %s %j', (input, command, text) => {
    expect(parseTypedCommand(input)).toEqual({ command, text });
  });

  it('should keep the arguments exactly as typed (full-width punctuation included)', () => {
    expect(parseTypedCommand('lead add ＡＣＭＥ；张伟')!.text).toBe('add ＡＣＭＥ；张伟');
  });

  it.each(['你好', 'hello there', '', '   '])('should not treat %j as a command', (input) => {
    expect(parseTypedCommand(input)).toBeNull();
  });
});
