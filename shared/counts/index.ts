// Count tables and levels from counts (issue 9, DOMAIN.md §9): the public surface.
export * from './kinds';
export { headingKey } from './key';
export * from './arith';
export * from './types';
export * from './templates';
export { computeLevel, conditionState, criterionState, levelUnder, prerequisiteStatus } from './engine';
export { explainLevel, reportCriterion, reportLevel, criteriaText, type Clause, type CriterionReport, type LevelExplanation } from './explain';
export * from './rules';
export * from './evaluate';
export * from './sheet';
export { marksFromGrid } from './marks';
export { checkCountSheet, recheckCountRow } from './check';
export { appendixColumns } from './appendix-columns';
export * from './read';
export * from './table';
