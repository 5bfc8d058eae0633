import { isClosedStage, nextOpenStage, openStages } from '../../src/modules/workspaces/stages';
import { leadRef } from '../../src/modules/leads/lead-ref';
import { ticketRef } from '../../src/modules/tickets/ticket-rules';

const settings = { stages: ['new', 'demo', 'proposal', 'won', 'lost'] };

describe('the pipeline rules', () => {
  it('should call won and lost closed, and every other stage open', () => {
    expect(['won', 'lost'].map(isClosedStage)).toEqual([true, true]);
    expect(['new', 'demo', 'negotiation'].map(isClosedStage)).toEqual([false, false, false]);
  });

  it('should list the open stages in the workspace’s order', () => {
    expect(openStages(settings)).toEqual(['new', 'demo', 'proposal']);
    expect(openStages(null)).toEqual([]);
  });

  it('should advance to the next open stage, never past the last one nor from a closed one', () => {
    expect(nextOpenStage(settings, 'new')).toBe('demo');
    expect(nextOpenStage(settings, 'proposal')).toBeUndefined();
    expect(nextOpenStage(settings, 'won')).toBeUndefined();
  });
});

describe('human ids', () => {
  it('should name leads L-n and tickets T-n, from the record or its number', () => {
    expect([leadRef({ seq: 12 }), leadRef(12), ticketRef({ seq: 57 }), ticketRef(57)]).toEqual(['L-12', 'L-12', 'T-57', 'T-57']);
  });
});
