// The cell being typed into is not yet an edit: AG Grid hands its text over (onCellEditRequest)
// only when editing stops. Whatever reads or leaves the stored state (export, forms, reload,
// closing) first stops editing everywhere, so the typed text becomes an edit and is saved.

const committers = new Set<() => void>();

/** Registers how an open grid commits its cell being edited; returns the unregistration. */
export function onCommitEdits(commit: () => void): () => void {
  committers.add(commit);
  return () => committers.delete(commit);
}

/** Commits the cell being edited in every open grid (its save is asked for synchronously). */
export function commitEdits(): void {
  for (const commit of committers) commit();
}
