import { ticketCard, type TicketFacts, type TicketView } from '../../src/modules/tickets/ticket.cards';
import type { Card } from '../../src/platform/cards/card';
import { cardCtx } from '../helpers/card-ctx';

// Built from a hand-made view: no database, no service; what each reader of the card would see.
const NOW = new Date('2030-01-14T02:00:00Z');

function ticket(over: Partial<TicketFacts> = {}): TicketFacts {
  return {
    id: 'ticket-1',
    seq: 57,
    subject: 'Invoice title is wrong',
    description: 'The customer needs a new invoice.',
    priority: 'high',
    status: 'open',
    escalated: false,
    createdById: 'm-rep',
    firstResponseDueAt: new Date('2030-01-14T03:00:00Z'),
    resolutionDueAt: new Date('2030-01-14T10:00:00Z'),
    claimedAt: null,
    resolvedAt: null,
    updatedAt: NOW,
    resolution: '',
    ...over,
  };
}

const rep = { chosenName: '', displayName: 'Sam Rep', platformUserId: 'USAM' };
const agent = { chosenName: 'Mei', displayName: 'Han Mei', platformUserId: 'UMEI' };

function view(over: Partial<TicketFacts> = {}, rest: Partial<TicketView> = {}): TicketView {
  return { ticket: ticket(over), openedBy: rep, assignee: null, lead: { seq: 12, company: 'Acme Ltd' }, ...rest };
}

const field = (card: Card, label: string) => card.fields?.find((f) => f.label === label)?.value;
const buttons = (card: Card) => (card.actions ?? []).map((a) => a.label);
const support = cardCtx({ role: 'support', memberId: 'm-support', now: NOW });

describe('the ticket card, built from a view', () => {
  it('should show the ticket by its id and subject, with priority, status, who opened it, its lead and due times', () => {
    const card = ticketCard(support, view(), { notice: 'Ticket T-57 opened.' });
    expect(card.title).toBe('T-57 · Invoice title is wrong');
    expect(card.text).toBe('Ticket T-57 opened.\n\nThe customer needs a new invoice.');
    expect(field(card, 'Priority')).toBe('High');
    expect(field(card, 'Status')).toBe('Open');
    expect(field(card, 'Opened by')).toBe('Sam Rep');
    expect(field(card, 'Lead')).toBe('L-12 · Acme Ltd');
    expect(field(card, 'First response due')).toBe(support.formatDate(new Date('2030-01-14T03:00:00Z')));
    expect(field(card, 'Resolution due')).toBe(support.formatDate(new Date('2030-01-14T10:00:00Z')));
  });

  it('should give support staff every step of an open ticket, with the commands to type', () => {
    const card = ticketCard(support, view());
    expect(buttons(card)).toEqual(['Claim', 'Resolve', 'Escalate', 'Reassign']);
    expect(card.commands).toEqual(['/ticket claim T-57', '/ticket resolve T-57 …', '/ticket escalate T-57']);
  });

  it('should let the rep who opened it escalate it, and a rep who did not only read it', () => {
    expect(buttons(ticketCard(cardCtx({ memberId: 'm-rep', now: NOW }), view()))).toEqual(['Escalate']);
    expect(buttons(ticketCard(cardCtx({ memberId: 'm-other', now: NOW }), view()))).toEqual([]);
  });

  it('should give a support channel’s card every step, whoever it is drawn for', () => {
    expect(buttons(ticketCard(cardCtx({ memberId: 'm-other', now: NOW }), view(), { channel: true }))).toEqual(['Claim', 'Resolve', 'Escalate', 'Reassign']);
  });

  it('should say who claimed it, and drop Claim and Escalate once claimed and escalated', () => {
    const claimedAt = new Date('2030-01-14T02:30:00Z');
    const card = ticketCard(support, view({ status: 'claimed', claimedAt, escalated: true }, { assignee: agent }));
    expect(field(card, 'Status')).toBe('Claimed · escalated');
    expect(field(card, 'First response due')).toBeUndefined();
    expect(card.context).toBe(`Claimed by Mei at ${support.formatDate(claimedAt)}`);
    expect(buttons(card)).toEqual(['Resolve', 'Reassign']);
  });

  it('should show a resolved ticket’s note and offer only Reopen, to its opener too', () => {
    const resolvedAt = new Date('2030-01-14T05:00:00Z');
    const resolved = view({ status: 'resolved', resolvedAt, resolution: 'new invoice sent' }, { assignee: agent, lead: null });
    const card = ticketCard(support, resolved);
    expect(field(card, 'Lead')).toBeUndefined();
    expect(field(card, 'Resolution due')).toBeUndefined();
    expect(card.context).toBe(`Resolved by Mei at ${support.formatDate(resolvedAt)}: new invoice sent`);
    expect(buttons(card)).toEqual(['Reopen']);
    expect(buttons(ticketCard(cardCtx({ memberId: 'm-rep', now: NOW }), resolved))).toEqual(['Reopen']);
  });
});
