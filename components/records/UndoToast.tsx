import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { describeUndo, errorText } from './describe';
import { offerUndo, undoOffer } from './undo-toast';
import './records.css';

const t = strings.records;
/** Long enough to read and reach with the keyboard; it stays while focus is inside. */
const SHOW_MS = 12_000;

/** "Deleted Marta Quintero · Undo": shown after every delete, merge and bulk change. */
export function UndoToast() {
  const offer = undoOffer.value;
  const [status, setStatus] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setStatus(null);
    if (!offer) return;
    const timer = setInterval(() => {
      if (!box.current?.contains(document.activeElement)) undoOffer.value = null;
    }, SHOW_MS);
    return () => clearInterval(timer);
  }, [offer]);
  if (!offer && !status) return null;
  const undo = async () => {
    if (!offer) return;
    try {
      const next = await sendMessage('recordsUndo', { id: offer.id });
      undoOffer.value = null;
      setStatus(t.undone);
      offerUndo(next);
    } catch (error) {
      setStatus(t.undoFailed(errorText(error)));
    }
  };
  return (
    <div class="undo-toast" ref={box} role="status" aria-live="polite">
      {offer ? (
        <>
          <span class="grow" dir="auto">
            {describeUndo(offer)}
          </span>
          <button type="button" class="btn primary" onClick={() => void undo()}>
            {t.undo}
          </button>
          <button type="button" class="link-button" onClick={() => (undoOffer.value = null)}>
            {t.dismiss}
          </button>
        </>
      ) : (
        <>
          <span class="grow">{status}</span>
          <button type="button" class="link-button" onClick={() => setStatus(null)}>
            {t.dismiss}
          </button>
        </>
      )}
    </div>
  );
}
