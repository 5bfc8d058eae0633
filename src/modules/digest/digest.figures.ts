import type { Window } from './digest.repo';

// The figures behind the weekly digest and /pipeline (computed in digest.service.ts).
export interface Amount {
  currency: string;
  amount: number;
}

export interface DigestFigures {
  window: Window;
  newLeads: number;
  moves: { from: string; to: string; count: number }[];
  movesTotal: number;
  won: { count: number; value: Amount[] };
  lost: { count: number; value: Amount[] };
  conversion: { stage: string; forward: number; exits: number }[];
  pipeline: { stage: string; count: number; value: Amount[] }[];
  weighted: Amount[];
  stale: { total: number; leads: { seq: number; company: string; owner: string }[] };
  interactions: { member: string; count: number }[];
  tickets: { opened: number; resolved: number; pastSla: number };
  completeness: { total: number; contact: number; company: number; source: number; value: number };
}
