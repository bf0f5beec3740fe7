import { signal } from '@preact/signals';
import type { UndoSummary } from '@/lib/db/records';

/** The operation the "Undo" toast offers, one per page (the latest wins). */
export const undoOffer = signal<UndoSummary | null>(null);

export function offerUndo(summary: UndoSummary | null): void {
  if (summary) undoOffer.value = summary;
}
