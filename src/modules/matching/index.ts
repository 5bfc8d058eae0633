// What other modules may use from matching (the duplicate engine; merge lives in duplicates/, which imports leads, so the engine that leads imports sits here): the engine (normalisers, blocking keys, scoring) and the
// ids of its buttons. This module depends on platform only; leads hands it the records to search.
export * from './duplicate-engine';
export * from './duplicate.ids';
export { matchingMessages } from './matching.messages';
export { bareName, companyCore, companyDomain, contactKey, foldScript, nameSyllables } from './match-keys';
export { MATCH_RULES_VERSION } from './match-rules';
export { comparePair, profileOf, THRESHOLDS, type MatchReason, type MatchSubject, type PairScore, type Verdict } from './match-score';
