import { duplicatesCards } from '../../src/modules/duplicates';
import { renderMessage } from '../../src/channels/slack/render-slack';
import { cardCtx } from '../helpers/card-ctx';

// The `/crm duplicates` list at its longest (ten pairs, a notice, "and N more") as Slack receives it.

const side = (i: number) => ({ id: i.toString(16).padStart(24, '0'), ref: `L-${i}`, company: `Acme ${i}`, contact: 'Zhang Wei', owner: 'rep1' });
const pairs = Array.from({ length: 10 }, (_, i) => ({ a: side(i + 1), b: side(i + 101), verdict: i ? ('possible' as const) : ('same' as const), reasons: ['same_phone', 'similar_company'] }));

describe('the duplicates list in Slack', () => {
  it("should keep ten pairs, each with Merge and Not a duplicate, inside Slack's 50 blocks, and say how many more", () => {
    const msg = renderMessage({ cards: duplicatesCards(cardCtx(), { pairs, more: 7, capped: false }, 'L-1 and L-2 are marked as not duplicates') });
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(msg.blocks);
    expect(json).not.toContain('left out');
    for (const p of pairs) expect(json).toContain(`${p.a.ref} · ${p.a.company} · Zhang Wei · owner rep1`);
    expect(json.match(/"Not a duplicate"/g)).toHaveLength(10);
    expect(json.match(/"Merge"/g)).toHaveLength(10);
    expect(json).toContain('L-1 and L-101: the same customer');
    expect(json).toContain('Why: same phone, similar company');
    expect(json).toContain('…and 7 more pairs');
  });

  it('should say there is nothing to review, in Chinese too', () => {
    const zh = duplicatesCards(cardCtx({ locale: 'zh-CN' }), { pairs: [], more: 0, capped: false });
    expect(zh.map((c) => c.text).join('')).toContain('没有你可查看的可能重复的线索');
  });
});
