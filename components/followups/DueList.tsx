/** Follow-ups due now and soon, shown first in the popup. Owned by the follow-ups feature. */
export function DueList() {
  return null;
}
