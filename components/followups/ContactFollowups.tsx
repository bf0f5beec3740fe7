/** A contact's follow-ups: list, add, edit. Owned by the follow-ups feature. */
export function ContactFollowups(_props: { contactId: string }) {
  return null;
}
