import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isFreshReview, PENDING_REVIEW_KEY, type PendingReview } from '@/lib/capture-commands/pending';
import { applyReview, REVIEW_FIELDS, type ReviewField } from '@/lib/contacts/review';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';

const t = strings.capture;
type Review = Pick<PendingReview, 'capture' | 'photoThumb'>;

/**
 * "Save the person on this page" for any site: opening the popup grants activeTab, so Rapport reads the
 * current page only now, because the user asked. Captures that need checking are reviewed here, including
 * ones started from the keyboard shortcut or the context menu.
 */
export function SaveThisPage() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<Review | null>(null);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    void browser.storage.local.get(PENDING_REVIEW_KEY).then((items) => {
      const pending = items[PENDING_REVIEW_KEY];
      if (isFreshReview(pending, Date.now())) setReview(pending);
    });
  }, []);

  const save = async () => {
    if (tabId === null) return;
    setBusy(true);
    setMessage(null);
    const result = await sendMessage('savePage', { tabId }).catch(
      (error: unknown) => ({ status: 'error', message: String(error) }) as const,
    );
    setBusy(false);
    if (result.status === 'saved') setMessage(t.saved(result.name ?? t.thisPerson));
    else if (result.status === 'review') setReview(result);
    else if (result.status === 'not-a-profile') setMessage(t.notAProfile);
    else setMessage(t.failed(result.message));
  };

  const confirm = async (values: Record<ReviewField, string>) => {
    if (!review) return;
    const profile = applyReview(review.capture.profile, values);
    if (!profile.name) return setMessage(t.nameNeeded);
    const sources = [...new Set(Object.values(review.capture.sources))];
    try {
      await sendMessage('saveProfile', { profile, photoThumb: review.photoThumb, sources });
      await browser.storage.local.remove(PENDING_REVIEW_KEY);
      setReview(null);
      setMessage(t.saved(profile.name));
    } catch (error) {
      setMessage(t.failed(error instanceof Error ? error.message : String(error)));
    }
  };
  const dismiss = () => {
    setReview(null);
    void browser.storage.local.remove(PENDING_REVIEW_KEY);
  };

  return (
    <section class="save-this-page" aria-label={t.sectionLabel}>
      {review ? (
        <ReviewForm review={review} onConfirm={confirm} onCancel={dismiss} />
      ) : (
        <button type="button" class="button" onClick={save} disabled={busy || tabId === null}>
          {busy ? t.saving : t.saveThisPage}
        </button>
      )}
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

function ReviewForm({
  review,
  onConfirm,
  onCancel,
}: {
  review: Review;
  onConfirm: (values: Record<ReviewField, string>) => Promise<void>;
  onCancel: () => void;
}) {
  const initial = Object.fromEntries(
    REVIEW_FIELDS.map(([field]) => [field, review.capture.profile[field] ?? '']),
  ) as Record<ReviewField, string>;
  const [values, setValues] = useState(initial);
  return (
    <form
      class="review-form"
      aria-label={t.reviewTitle}
      onSubmit={(event) => {
        event.preventDefault();
        void onConfirm(values);
      }}
    >
      <h2>{t.reviewTitle}</h2>
      <ul>
        {review.capture.reviewReasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {REVIEW_FIELDS.map(([field, label]) => (
        <label class="field" key={field}>
          <span class="field-label">{label}</span>
          <input
            value={values[field]}
            onInput={(event) => setValues({ ...values, [field]: (event.currentTarget as HTMLInputElement).value })}
          />
        </label>
      ))}
      <div class="row">
        <button type="button" class="button secondary" onClick={onCancel}>
          {t.cancel}
        </button>
        <button type="submit" class="button">
          {t.save}
        </button>
      </div>
    </form>
  );
}
