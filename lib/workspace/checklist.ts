import { workspaceStrings } from '../ui/strings/workspace';

/** The pre-meeting checklist, in order. */
export const PREP_CHECKLIST = Object.keys(
  workspaceStrings.prepare.checklist,
) as (keyof typeof workspaceStrings.prepare.checklist)[];

export function checklistProgress(checked: Readonly<Record<string, boolean>>): { done: number; total: number } {
  return { done: PREP_CHECKLIST.filter((key) => checked[key]).length, total: PREP_CHECKLIST.length };
}
