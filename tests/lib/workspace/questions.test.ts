import { describe, expect, it } from 'vitest';
import type { Question } from '@/lib/db/schema';
import { BUILTIN_QUESTION_TEXTS, QUESTION_TOPICS } from '@/lib/ui/strings/workspace';
import { builtinQuestions, filterBank, mergeBank, moveItem, TOPICS, topicLabel } from '@/lib/workspace/questions';

const own = (id: string, topic: string, extra: Partial<Question> = {}): Question => ({
  id,
  topic,
  text: `own ${id}`,
  searchable: false,
  builtin: false,
  starred: false,
  createdAt: 5,
  ...extra,
});

describe('question bank', () => {
  it('covers every topic the articles name, with unique ids and at least one question each', () => {
    const ids = BUILTIN_QUESTION_TEXTS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const topic of TOPICS.filter((t) => t !== 'custom'))
      expect(BUILTIN_QUESTION_TEXTS.some((q) => q.topic === topic)).toBe(true);
    expect(BUILTIN_QUESTION_TEXTS.some((q) => q.searchable)).toBe(true);
  });

  it('merges stars onto built-ins, appends own questions in topic order, starred first', () => {
    const bank = mergeBank(builtinQuestions(), [
      { ...builtinQuestions().find((q) => q.id === 'bq-background-2')!, starred: true },
      own('x', 'background'),
      own('y', 'custom'),
      own('z', 'unknown-topic'),
    ]);
    const background = bank.filter((q) => q.topic === 'background').map((q) => q.id);
    expect(background).toEqual(['bq-background-2', 'bq-background-1', 'bq-background-3', 'x']);
    expect(bank.at(-2)?.id).toBe('y');
    expect(bank.at(-1)?.id).toBe('z');
    expect(bank).toHaveLength(BUILTIN_QUESTION_TEXTS.length + 3);
  });

  it.each([
    [{ topic: 'salary' }, ['bq-salary-1', 'bq-salary-2']],
    [{ topic: 'salary', exclude: ['bq-salary-1'] }, ['bq-salary-2']],
    [{ starredOnly: true }, ['s']],
  ])('filterBank(%j)', (opts, expected) => {
    const bank = mergeBank(builtinQuestions(), [own('s', 'advice', { starred: true })]);
    expect(filterBank(bank, opts).map((q) => q.id)).toEqual(expected);
  });

  it.each([
    [['a', 'b', 'c'], 1, -1, ['b', 'a', 'c']],
    [['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
    [['a', 'b', 'c'], 0, -1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 2, 1, ['a', 'b', 'c']],
    [['a'], 5, 1, ['a']],
  ])('moveItem(%j, %d, %d) = %j', (list, index, delta, expected) => {
    expect(moveItem(list, index, delta)).toEqual(expected);
  });

  it('labels topics, falling back to the raw name', () => {
    expect(topicLabel('salary')).toBe(QUESTION_TOPICS.salary);
    expect(topicLabel('other')).toBe('other');
  });
});
