/** Options page section. */
export function FollowupSettings() {
  return null;
}
