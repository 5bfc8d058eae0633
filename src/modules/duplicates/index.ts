// What other modules (and the dispatcher) may use from duplicates.
export * from './merge.cards';
export * from './merge.commands';
export * from './merge.ids';
export * from './merge.service';
export { mergeMessages } from './merge.messages';
export * from './duplicates.cards';
export * from './duplicates.commands';
export * from './duplicates.ids';
export { DUPLICATE_SCAN_JOB, runDuplicateScan, scanWorkspace, type ScanResult } from './duplicate-scan.jobs';
export { dismissPair, listDuplicates, recordCreatedAnyway, requestScan, type PairList, type PairView } from './pairs.service';
export { duplicatesMessages } from './duplicates.messages';
