/** Options page section. */
export function ProfileSettings() {
  return null;
}
