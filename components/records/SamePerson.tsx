import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hasProfileUrl } from '@/lib/contacts/match';
import type { Contact } from '@/lib/contacts/model';
import { sendMessage } from '@/lib/messaging/protocol';
import type { SamePersonCandidate } from '@/lib/messaging/records-protocol';
import { SELECTED_CONTACT_KEY } from '@/lib/names';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { SuggestionList, SuggestionRow } from '../SuggestionRow';
import { errorText } from './describe';
import { MergeDialog } from './MergeDialog';
import './records.css';

const t = strings.records;

function why(match: SamePersonCandidate): string {
  const parts = match.reasons.map((r) =>
    r === 'referral' && match.referredByName ? `${t.reasons.referral} (${match.referredByName})` : t.reasons[r],
  );
  parts.push(t.addedOn(new Date(match.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })));
  return parts.join(', ');
}

/**
 * "The same person?" above a contact: other records that look like this person (one of them typed in
 * without a profile link). Review opens the merge preview; "Not the same" is remembered.
 */
export function SamePerson({ contact }: { contact: Contact }) {
  const found = useLive(() => sendMessage('findSamePerson', { contactId: contact.id }), ['contacts'], [contact.id]);
  const [merging, setMerging] = useState<SamePersonCandidate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const matches = found.status === 'ready' ? (found.value?.matches ?? []).filter((m) => !hidden.has(m.id)) : [];
  if (matches.length === 0) return null;
  const notSame = async (other: string) => {
    try {
      await sendMessage('recordsNotSamePerson', { a: contact.id, b: other });
      // No contact changed, so the lookup does not run again by itself: hide the pair here.
      setHidden((h) => new Set([...h, other]));
      setError(null);
      setMerging(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section class="same-person" aria-labelledby="same-person-title">
      <h2 id="same-person-title">{t.samePersonTitle}</h2>
      <SuggestionList>
        {matches.map((match) => (
          <SuggestionRow key={match.id} text={t.samePersonBody(match.name ?? strings.contacts.unnamed, why(match))}>
            <button type="button" class="btn primary" onClick={() => setMerging(match)}>
              {t.reviewMerge}
            </button>
            <button type="button" class="btn" onClick={() => void notSame(match.id)}>
              {t.notSame}
            </button>
          </SuggestionRow>
        ))}
      </SuggestionList>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {merging && (
        <MergeDialog
          // The record with a profile link stays: its URL is how the page and later saves find the person.
          keepId={hasProfileUrl(contact) ? contact.id : merging.id}
          dropId={hasProfileUrl(contact) ? merging.id : contact.id}
          onClose={(keptId) => {
            setMerging(null);
            if (keptId && keptId !== contact.id) void browser.storage.local.set({ [SELECTED_CONTACT_KEY]: keptId });
          }}
        />
      )}
    </section>
  );
}
