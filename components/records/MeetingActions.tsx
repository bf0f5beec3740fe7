import { useState } from 'preact/hooks';
import type { Meeting } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { errorText } from './describe';
import { offerUndo } from './undo-toast';
import './records.css';

const t = strings.records;

/** Cancel (kept as cancelled, its reminders cleared) or delete one meeting; both can be undone. */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const [error, setError] = useState<string | null>(null);
  const act = async (type: 'recordsCancelMeeting' | 'recordsDeleteMeeting') => {
    try {
      offerUndo(await sendMessage(type, { id: meeting.id }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <span class="meeting-actions">
      {meeting.status === 'planned' && (
        <button
          type="button"
          class="link-button"
          title={t.cancelMeetingHint}
          onClick={() => void act('recordsCancelMeeting')}
        >
          {t.cancelMeeting}
        </button>
      )}
      <button type="button" class="link-button danger-text" onClick={() => void act('recordsDeleteMeeting')}>
        {t.deleteMeeting}
      </button>
      {error && (
        <span class="notice" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
