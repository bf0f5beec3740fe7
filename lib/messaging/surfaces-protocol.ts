/** Messages of the extension pages' own surfaces (welcome page). Extension pages only. */
export interface SurfacesProtocol {
  /** Saves the invented sample person with a planned meeting (once; again returns the same person). */
  addSamplePerson(data: Record<string, never>): { contactId: string; created: boolean };
}
