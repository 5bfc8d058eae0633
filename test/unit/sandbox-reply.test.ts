import { SandboxFeed } from '../../src/channels/sandbox/sandbox-feed';
import { deliverSandboxReply } from '../../src/channels/sandbox/sandbox-reply';
import type { Form } from '../../src/platform/cards/card';

const form: Form = { id: 'lead_add_form', title: 'New lead', submitLabel: 'Save', closeLabel: 'Cancel', metadata: '', example: '/lead add …', fields: [] };
const texts = (feed: SandboxFeed, pane: string) => feed.pane(pane).map((m) => m.cards.map((c) => c.text).join('|'));

describe('the sandbox messenger', () => {
  it('should answer in the member’s chat pane and send notifications to each recipient’s DM pane', () => {
    const feed = new SandboxFeed();
    deliverSandboxReply(feed, { cards: [{ text: 'Created L-1' }], notify: [{ userId: 'sam', cards: [{ text: 'Ana gave you L-1' }], locale: 'zh-CN' }] }, { as: 'ana' });
    expect(texts(feed, 'chat:ana')).toEqual(['Created L-1']);
    expect(texts(feed, 'dm:sam')).toEqual(['Ana gave you L-1']);
    expect(feed.pane('dm:sam')[0].locale).toBe('zh-CN');
    expect(feed.paneIds('dm')).toEqual(['dm:sam']);
  });

  it('should replace the clicked message when the reply says replaceOriginal, and only then', () => {
    const feed = new SandboxFeed();
    const first = feed.add('chat:ana', { from: 'bot', cards: [{ text: 'L-1 · New' }] });
    deliverSandboxReply(feed, { cards: [{ text: 'L-1 · Contacted' }], replaceOriginal: true }, { as: 'ana', clicked: first.id });
    expect(texts(feed, 'chat:ana')).toEqual(['L-1 · Contacted']);
    expect(feed.get(first.id)!.rev).toBe(2);
    deliverSandboxReply(feed, { cards: [{ text: 'L-1 card' }] }, { as: 'ana', clicked: first.id });
    expect(texts(feed, 'chat:ana')).toEqual(['L-1 · Contacted', 'L-1 card']);
  });

  it('should post to channel panes, remember each copy, and redraw every copy on an update', () => {
    const feed = new SandboxFeed();
    const ticket = { kind: 'ticket' as const, id: 'T-1' };
    deliverSandboxReply(feed, { cards: [], posts: [{ channel: 'support', cards: [{ text: 'T-1 open' }], entity: ticket }, { channel: 'managers', cards: [{ text: 'T-1 open' }], entity: ticket }] }, { as: 'ana' });
    deliverSandboxReply(feed, { cards: [], posts: [{ channel: 'support', cards: [{ text: 'unrelated' }] }] }, { as: 'ana' });
    deliverSandboxReply(feed, { cards: [{ text: 'You claimed T-1' }], updates: [{ entity: ticket, cards: [{ text: 'T-1 claimed by Zhou Min' }] }] }, { as: 'zhou.min' });
    expect(texts(feed, 'channel:support')).toEqual(['T-1 claimed by Zhou Min', 'unrelated']);
    expect(texts(feed, 'channel:managers')).toEqual(['T-1 claimed by Zhou Min']);
    expect(texts(feed, 'chat:zhou.min')).toEqual(['You claimed T-1']);
    expect(feed.paneIds('channel').sort()).toEqual(['channel:managers', 'channel:support']);
  });

  it('should keep a form open with its errors and what was typed, and close it on success', () => {
    const feed = new SandboxFeed();
    deliverSandboxReply(feed, { cards: [], form }, { as: 'ana' });
    const [shown] = feed.pane('chat:ana');
    expect(shown.form).toEqual(form);
    deliverSandboxReply(feed, { cards: [], formErrors: { company: 'The company is missing.' } }, { as: 'ana', form: { messageId: shown.id, values: { company: '', contact: 'Ada' } } });
    expect(feed.get(shown.id)).toMatchObject({ formErrors: { company: 'The company is missing.' }, formValues: { contact: 'Ada' }, rev: 2 });
    deliverSandboxReply(feed, { cards: [{ text: 'Created L-2' }] }, { as: 'ana', form: { messageId: shown.id, values: { company: 'Acme', contact: 'Ada' } } });
    expect(feed.get(shown.id)).toBeUndefined();
    expect(texts(feed, 'chat:ana')).toEqual(['Created L-2']);
  });

  it('should keep only the newest messages of a pane, and forget the copies it dropped', () => {
    const feed = new SandboxFeed(2);
    const entity = { kind: 'lead' as const, id: 'L-1' };
    const old = feed.add('channel:x', { from: 'bot', cards: [{ text: '1' }] });
    feed.remember(entity, old.id);
    feed.add('channel:x', { from: 'bot', cards: [{ text: '2' }] });
    feed.add('channel:x', { from: 'bot', cards: [{ text: '3' }] });
    expect(texts(feed, 'channel:x')).toEqual(['2', '3']);
    expect(feed.copiesOf(entity)).toEqual([]);
  });
});
