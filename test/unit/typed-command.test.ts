import { parseTypedCommand } from '../../src/dispatcher/typed';
import { closest, editDistance } from '../../src/platform/suggest';

describe('typed commands (WeCom, sandbox)', () => {
  it.each([
    ['/lead add Acme Ltd; Zhang Wei', '/lead', 'add Acme Ltd; Zhang Wei'],
    ['lead add Acme Ltd; Zhang Wei', '/lead', 'add Acme Ltd; Zhang Wei'],
    ['／lead show L-12', '/lead', 'show L-12'],
    ['ＬＥＡＤ list mine', '/lead', 'list mine'],
    ['线索 新增 上海示例科技有限公司；张伟', '/lead', 'add 上海示例科技有限公司；张伟'],
    ['新建线索 上海示例科技有限公司；张伟', '/lead', 'add 上海示例科技有限公司；张伟'],
    ['新建线索：上海示例科技有限公司，张伟', '/lead', 'add 上海示例科技有限公司，张伟'],
    // 记录/跟进 log a touch, as /log does; 下次/提醒 set the next follow-up, as /lead next does.
    ['跟进 L-23 电话 陈总要报价单，下次：周四上午10点 发报价', '/log', 'L-23 电话 陈总要报价单，下次：周四上午10点 发报价'],
    ['下次 L-12 明天下午3点 回访', '/lead', 'next L-12 明天下午3点 回访'],
    ['提醒 L-12 明天下午3点 回访', '/lead', 'next L-12 明天下午3点 回访'],
    ['下次跟进 L-12 明天', '/lead', 'next L-12 明天'],
    ['线索 记录 L-12 电话 沟通了报价', '/log', 'L-12 电话 沟通了报价'],
    ['线索 跟进 L-12 电话 沟通了报价', '/log', 'L-12 电话 沟通了报价'],
    ['线索 下次 L-12 明天', '/lead', 'next L-12 明天'],
    ['线索 跟进记录 L-12', '/lead', 'history L-12'],
    ['线索 输单 L-19 价格太高', '/lead', 'lost L-19 价格太高'],
    ['输单 L-19 价格太高', '/lead', 'lost L-19 价格太高'],
    ['丢单 L-19 价格太高', '/lead', 'lost L-19 价格太高'],
    ['跟进Ｌ－１２ 电话 聊了', '/log', 'Ｌ－１２ 电话 聊了'],
    ['投诉 Ｌ－１２ 发货太慢', '/log', 'Ｌ－１２ complaint 发货太慢'],
    // A mistyped command word is handed on, so the answer can say "did you mean /lead add?".
    ['/laed add Acme', '/laed', 'add Acme'],
    ['laed add Acme', '/laed', 'add Acme'],
    ['/lead ad Acme', '/lead', 'ad Acme'],
    ['我的线索', '/lead', 'list mine'],
    // 合并 keeps the first lead named; 取消合并/撤销合并 take a merge back (撤销 alone is /undo).
    ['合并 L-12 L-31', '/lead', 'merge L-12 L-31'],
    ['合并L-12 L-31 确认', '/lead', 'merge L-12 L-31 确认'],
    ['合并线索 Ｌ－１２，L-31', '/lead', 'merge Ｌ－１２，L-31'],
    ['线索 合并 L-12 L-31', '/lead', 'merge L-12 L-31'],
    // 查重/重复线索 list likely duplicate leads; 重新查重 and 查重 扫描 ask for a scan (admins).
    ['查重', '/crm', 'duplicates'],
    ['重复线索', '/crm', 'duplicates'],
    ['重新查重', '/crm', 'duplicates scan'],
    ['查重 扫描', '/crm', 'duplicates 扫描'],
    ['取消合并 L-31', '/lead', 'unmerge L-31'],
    ['撤销合并 L-31', '/lead', 'unmerge L-31'],
    ['撤销', '/undo', ''],
    ['帮助', '/crm', 'help'],
    ['help', '/crm', 'help'],
    ['crm lang zh-CN', '/crm', 'lang zh-CN'],
    ['　/crm help', '/crm', 'help'],
    ['记录 L-12 电话 沟通了报价', '/log', 'L-12 电话 沟通了报价'],
    ['log L-12 call discussed pricing', '/log', 'L-12 call discussed pricing'],
    ['投诉 L-12 发货太慢', '/log', 'L-12 complaint 发货太慢'],
    ['新建工单 L-12 发票有误 优先级：高', '/ticket', 'new L-12 发票有误 优先级：高'],
    ['工单 认领 T-57', '/ticket', 'claim T-57'],
    ['认领 T-57', '/ticket', 'claim T-57'],
    ['工单历史 T-57', '/ticket', 'history T-57'],
    ['重新打开 T-57 客户说还是不行', '/ticket', 'reopen T-57 客户说还是不行'],
    ['跟进记录 L-12', '/lead', 'history L-12'],
    ['线索 历史 L-12', '/lead', 'history L-12'],
    ['工单 重新打开 T-57', '/ticket', 'reopen T-57'],
    ['ticket list unclaimed', '/ticket', 'list unclaimed'],
    ['漏斗 团队', '/pipeline', '团队'],
    ['/pipeline me', '/pipeline', 'me'],
    ['静音', '/crm', 'mute'],
    ['取消静音', '/crm', 'unmute'],
    ['线索：新增 上海示例科技有限公司；张伟', '/lead', 'add 上海示例科技有限公司；张伟'],
    ['工单：认领 T-1', '/ticket', 'claim T-1'],
    ['lead：add Acme Ltd; Zhang Wei', '/lead', 'add Acme Ltd; Zhang Wei'],
    ['认领T-3', '/ticket', 'claim T-3'],
    ['跟进L-12 电话 回访', '/log', 'L-12 电话 回访'],
    ['分配 @kefu L-3', '/lead', 'assign @kefu L-3'],
    ['新建线索杭州示例科技有限公司；李娜', '/lead', 'add 杭州示例科技有限公司；李娜'],
    ['搜索张伟', '/lead', 'find 张伟'],
  ])('should read %j as %s %j', (input, command, text) => {
    expect(parseTypedCommand(input)).toEqual({ command, text });
  });

  it('should keep the arguments exactly as typed (full-width punctuation included)', () => {
    expect(parseTypedCommand('lead add ＡＣＭＥ；张伟')!.text).toBe('add ＡＣＭＥ；张伟');
  });

  it.each(['你好', 'hello there', '', '   ', '记录一下今天很忙', '升级了系统', '解决方案发你了', '团队建设活动', '名字写错了', '下次再说吧', '提醒一下大家', 'hello', 'please call me', '合并了两个部门'])('should not treat %j as a command', (input) => {
    expect(parseTypedCommand(input)).toBeNull();
  });
});

describe('did you mean', () => {
  it.each([
    ['laed', ['lead', 'log', 'ticket'], 'lead'],
    ['ad', ['add', 'show', 'assign'], 'add'],
    ['phoned', ['call', 'phone', 'meeting'], 'phone'],
    ['qualifed', ['new', 'qualified', 'proposal'], 'qualified'],
    ['打电话', ['电话', '会议'], '电话'],
    ['telepathy', ['call', 'meeting', 'visit'], null],
    ['x', ['add', 'show'], null],
  ])('should suggest for %j among %j: %j', (typed, candidates, expected) => {
    expect(closest(typed, candidates)).toBe(expected);
  });

  it('should count a swap of neighbours as one edit', () => {
    expect(editDistance('laed', 'lead')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
