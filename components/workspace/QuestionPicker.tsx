import { useState } from 'preact/hooks';
import type { Meeting, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { filterBank, moveItem, TOPICS, topicLabel } from '@/lib/workspace/questions';
import { Select } from './ContactSearch';
import { errorText, saveMeeting } from './data';

const t = strings.workspace.bank;

/** Choose, reorder and add the questions for one meeting from the bank; star favourites. */
export function QuestionPicker({
  meeting,
  bank,
  onResult,
}: {
  meeting: Meeting;
  bank: readonly Question[];
  onResult: (ok: boolean) => void;
}) {
  const [topic, setTopic] = useState('');
  const [starredOnly, setStarredOnly] = useState(false);
  const [custom, setCustom] = useState('');
  const [customTopic, setCustomTopic] = useState('custom');
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const chosen = meeting.questionIds;

  const setChosen = async (after: string[]) => {
    try {
      onResult(await saveMeeting(meeting, { field: 'questionIds', before: chosen, after }));
    } catch (e) {
      setError(strings.workspace.saveError(errorText(e)));
    }
  };
  const star = (q: Question) =>
    sendMessage('wsStarQuestion', { id: q.id, starred: !q.starred }).catch((e: unknown) =>
      setError(strings.workspace.saveError(errorText(e))),
    );
  const addCustom = async (event: Event) => {
    event.preventDefault();
    const text = custom.trim();
    if (!text) return;
    try {
      await sendMessage('wsAddQuestion', { topic: customTopic, text, meetingId: meeting.id });
      setCustom('');
    } catch (e) {
      setError(strings.workspace.saveError(errorText(e)));
    }
  };
  const narrowed = Boolean(topic || starredOnly);
  const available = filterBank(bank, { topic: topic || null, starredOnly, exclude: chosen });
  const groups = TOPICS.map((key) => [key, available.filter((q) => q.topic === key)] as const).filter(
    ([, qs]) => qs.length > 0,
  );
  const starButton = (q: Question) => (
    <button
      type="button"
      class="icon-button"
      aria-pressed={q.starred}
      aria-label={q.starred ? t.unstar(q.text) : t.star(q.text)}
      onClick={() => void star(q)}
    >
      <span aria-hidden="true">{q.starred ? '★' : '☆'}</span>
    </button>
  );

  return (
    <section class="questions" aria-labelledby="questions-title">
      <h2 id="questions-title">{t.heading}</h2>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <h3>{t.chosen}</h3>
      {chosen.length === 0 ? (
        <p class="muted">{t.noneChosen}</p>
      ) : (
        <ol class="chosen-list">
          {chosen.map((id, index) => {
            const q = byId.get(id);
            const text = q?.text ?? id;
            return (
              <li key={id}>
                <span class="q-text">{text}</span>
                <span class="q-actions">
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={t.up(text)}
                    disabled={index === 0}
                    onClick={() => void setChosen(moveItem(chosen, index, -1))}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={t.down(text)}
                    disabled={index === chosen.length - 1}
                    onClick={() => void setChosen(moveItem(chosen, index, 1))}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={t.remove(text)}
                    onClick={() => void setChosen(chosen.filter((x) => x !== id))}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <form class="custom-question" onSubmit={addCustom}>
        <label class="field grow">
          <span class="field-label">{t.custom}</span>
          <input type="text" value={custom} onInput={(e) => setCustom((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <Select
          label={t.customTopic}
          value={customTopic}
          options={TOPICS.map((k) => [k, topicLabel(k)] as const)}
          onChange={setCustomTopic}
        />
        <button type="submit" class="btn">
          {t.addCustom}
        </button>
      </form>
      <h3>{t.bank}</h3>
      <div class="bank-filters">
        <Select
          label={t.topic}
          value={topic}
          options={[['', t.allTopics], ...TOPICS.map((k) => [k, topicLabel(k)] as const)]}
          onChange={setTopic}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={starredOnly}
            onChange={(e) => setStarredOnly((e.currentTarget as HTMLInputElement).checked)}
          />
          {t.starredOnly}
        </label>
      </div>
      {groups.map(([key, questions]) => (
        // Folded by topic so the bank stays short in a narrow panel; open when the user filters.
        <details class="bank-topic" key={`${key}:${narrowed}`} open={narrowed}>
          <summary>{t.topicSummary(topicLabel(key), questions.length)}</summary>
          <ul class="bank-list">
            {questions.map((q) => (
              <li key={q.id}>
                {starButton(q)}
                <span class="q-text">
                  {q.text}
                  {q.searchable && <span class="hint">{t.searchable}</span>}
                </span>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t.pick(q.text)}
                  onClick={() => void setChosen([...chosen, q.id])}
                >
                  <span aria-hidden="true">+</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
