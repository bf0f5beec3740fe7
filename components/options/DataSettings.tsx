/** Options page section. */
export function DataSettings() {
  return null;
}
