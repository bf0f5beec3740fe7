import type { Question } from '../db/schema';
import { BUILTIN_QUESTION_TEXTS, QUESTION_TOPICS, type QuestionTopic } from '../ui/strings/workspace';

export const TOPICS = Object.keys(QUESTION_TOPICS) as QuestionTopic[];

/** The built-in questions as records (never stored unless the user stars one). */
export function builtinQuestions(): Question[] {
  return BUILTIN_QUESTION_TEXTS.map((q) => ({
    id: q.id,
    topic: q.topic,
    text: q.text,
    searchable: q.searchable ?? false,
    builtin: true,
    starred: false,
    createdAt: 0,
  }));
}

/**
 * The bank as the user sees it: built-ins (with a stored copy overriding, e.g. starred) then the user's own,
 * grouped in topic order, starred first within a topic.
 */
export function mergeBank(builtins: readonly Question[], stored: readonly Question[]): Question[] {
  const byId = new Map(stored.map((q) => [q.id, q]));
  const merged = builtins.map((q) => ({ ...q, ...(byId.get(q.id) ?? {}) }));
  const builtinIds = new Set(builtins.map((q) => q.id));
  for (const q of stored) if (!builtinIds.has(q.id)) merged.push(q);
  const topicRank = (topic: string) => {
    const i = TOPICS.indexOf(topic as QuestionTopic);
    return i < 0 ? TOPICS.length : i;
  };
  return merged
    .map((q, i) => ({ q, i }))
    .sort(
      (a, b) => topicRank(a.q.topic) - topicRank(b.q.topic) || Number(b.q.starred) - Number(a.q.starred) || a.i - b.i,
    )
    .map(({ q }) => q);
}

export function filterBank(
  bank: readonly Question[],
  opts: { topic?: string | null; starredOnly?: boolean; exclude?: readonly string[] },
): Question[] {
  const excluded = new Set(opts.exclude ?? []);
  return bank.filter(
    (q) => !excluded.has(q.id) && (!opts.topic || q.topic === opts.topic) && (!opts.starredOnly || q.starred),
  );
}

/** Moves the id at `index` by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export function topicLabel(topic: string): string {
  return (QUESTION_TOPICS as Record<string, string>)[topic] ?? topic;
}
