import { leadCard, type LeadFacts, type LeadView } from '../../src/modules/leads/lead.cards';
import { LEAD_VALUES } from '../../src/modules/leads/lead.ids';
import type { Card } from '../../src/platform/cards/card';
import { cardCtx } from '../helpers/card-ctx';

// Built from a hand-made view: no database, no service; what a reader of the card would see.
const NOW = new Date('2030-01-14T02:00:00Z');

function lead(over: Partial<LeadFacts> = {}): LeadFacts {
  return {
    id: 'lead-1',
    seq: 12,
    company: 'Acme Ltd',
    contactName: 'Wang Fang',
    phones: ['022 4345 0728'],
    emails: ['wang@acme.example'],
    phoneKeys: ['+862243450728'],
    phoneGuesses: [],
    stage: 'qualified',
    lostReason: '',
    value: 12000,
    currency: 'CNY',
    nextFollowUpAt: new Date('2030-01-15T01:00:00Z'),
    nextFollowUpWhat: 'send the quote',
    source: 'trade fair',
    tags: ['hot', 'food'],
    ownerId: 'm-owner',
    ...over,
  };
}

const owner = { chosenName: '', displayName: 'Ana Souza', platformUserId: 'UANA' };

function view(over: Partial<LeadFacts> = {}, recent: LeadView['recent'] = []): LeadView {
  return { lead: lead(over), owner, recent };
}

const field = (card: Card, label: string) => card.fields?.find((f) => f.label === label)?.value;
const buttons = (card: Card) => (card.actions ?? []).map((a) => a.label);

describe('the lead card, built from a view', () => {
  it('should show the lead by its id and company, with its contact, stage, value, owner, source and tags', () => {
    const card = leadCard(cardCtx({ now: NOW }), view());
    expect(card.title).toBe('L-12 · Acme Ltd');
    expect(field(card, 'Contact')).toBe('Wang Fang · 022 4345 0728 · wang@acme.example');
    expect(field(card, 'Stage')).toBe('Qualified');
    expect(field(card, 'Value')).toContain('12,000');
    expect(field(card, 'Owner')).toBe('Ana Souza');
    expect(field(card, 'Next follow-up')).toMatch(/ · send the quote$/);
    expect(field(card, 'Next follow-up')).not.toContain('overdue');
    expect(field(card, 'Source')).toBe('trade fair');
    expect(field(card, 'Tags')).toBe('hot, food');
    expect(card.lines).toEqual(['No interactions yet.']);
  });

  it('should say how a phone typed without a country code was read', () => {
    const card = leadCard(cardCtx({ now: NOW }), view({ phoneGuesses: ['+862243450728'] }));
    expect(field(card, 'Contact')).toContain('022 4345 0728 (read as +86 22 4345 0728; region guessed)');
  });

  it('should call a follow-up past its time overdue on an open lead, and not on a won one', () => {
    const late = new Date('2030-01-16T02:00:00Z');
    expect(field(leadCard(cardCtx({ now: late }), view()), 'Next follow-up')).toMatch(/\(overdue\) · send the quote$/);
    expect(field(leadCard(cardCtx({ now: late }), view({ stage: 'won' })), 'Next follow-up')).not.toContain('overdue');
  });

  it('should list the recent interactions with their authors', () => {
    const ctx = cardCtx({ now: NOW });
    const at = new Date('2030-01-13T03:00:00Z');
    const card = leadCard(ctx, view({}, [{ at, kind: 'call', text: 'asked for a quote', author: owner }]));
    expect(card.lines).toEqual(['Recent interactions:', `${ctx.formatDate(at)} · Call · Ana Souza: asked for a quote`]);
  });

  it('should offer an open lead the next stage, follow-up, assign to me, won and lost', () => {
    const card = leadCard(cardCtx({ now: NOW }), view());
    expect(buttons(card)).toEqual(['Move to Proposal', 'Log', 'Set follow-up', 'Assign to me', 'Reassign', 'Won', 'Lost']);
    expect(LEAD_VALUES.leadAdvance.read(card.actions?.[0].value ?? '')).toEqual({ id: 'lead-1', from: 'qualified' });
  });

  it('should not offer its owner "Assign to me", and should offer Undo after a change', () => {
    const card = leadCard(cardCtx({ now: NOW, memberId: 'm-owner' }), view(), { notice: 'Saved.', undo: true });
    expect(card.text).toBe('Saved.');
    expect(buttons(card)).toEqual(['Undo', 'Move to Proposal', 'Log', 'Set follow-up', 'Reassign', 'Won', 'Lost']);
  });

  it('should offer a lost lead Reopen instead of follow-ups and moves, and show why it was lost', () => {
    const card = leadCard(cardCtx({ now: NOW }), view({ stage: 'lost', lostReason: 'price' }));
    expect(field(card, 'Stage')).toBe('Lost (price)');
    expect(buttons(card)).toEqual(['Log', 'Reopen', 'Assign to me', 'Reassign']);
  });

  it('should not offer a move past the last open stage', () => {
    expect(buttons(leadCard(cardCtx({ now: NOW }), view({ stage: 'negotiation' })))[0]).toBe('Log');
  });

  it('should speak the reader’s language', () => {
    const card = leadCard(cardCtx({ now: NOW, locale: 'zh-CN' }), view({ stage: 'won', tags: [], source: '' }));
    expect(card.fields?.map((f) => f.label)).toEqual(['联系人', '阶段', '金额', '负责人', '下次跟进']);
  });
});
