// What other modules may use from matching, the duplicate engine (normalisers, blocking keys, scoring). It sits apart
// from duplicates/ (merge), which imports leads: leads imports this engine, so it depends on nothing but platform.
export * from './duplicate-engine';
export { matchingMessages } from './matching.messages';
export { bareName, companyCore, companyDomain, contactKey, foldScript, nameSyllables } from './match-keys';
export { MATCH_RULES_VERSION } from './match-rules';
export { comparePair, profileOf, THRESHOLDS, type MatchReason, type MatchSubject, type PairScore, type Verdict } from './match-score';
