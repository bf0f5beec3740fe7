import type { UndoSummary } from '@/lib/db/records';
import { strings } from '@/lib/ui/strings';

/** One line saying what an operation did: "Deleted Marta Quintero", "Imported 49 people". */
export function describeUndo(summary: UndoSummary): string {
  return strings.records.describe(summary.kind, summary.names, summary.counts);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
