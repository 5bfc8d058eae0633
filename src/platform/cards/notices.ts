import type { Card } from './card';

/** A one-line card saying something went wrong. */
export function errorCard(text: string): Card {
  return { tone: 'error', text };
}

/** A one-line card saying something was done (or, with another tone, something to know). */
export function infoCard(text: string, tone: Card['tone'] = 'success'): Card {
  return { tone, text };
}
