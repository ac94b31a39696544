// Plan targets (DOMAIN.md §10): the model, its evaluation on the grids, rule target.unmet and the
// validate --json entries, the proposer. Pure: the store, CLI and UI wire them.
export * from './model';
export * from './format';
export * from './evaluate';
export * from './check';
export * from './propose';
export * from './sheet';
