// Units after the 2025 reform (DOMAIN.md §11): kinds and their words, name keys, the change
// table and the re-based view. Pure: the store and the CLI wire them.
export * from './kinds';
export * from './match';
export * from './model';
export * from './days';
export * from './words';
export * from './change-table';
export * from './rebase';
export * from './app-changes';
