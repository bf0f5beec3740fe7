import { builtinQuestions, mergeBank } from '../workspace/questions';
import { newId } from '../util/id';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { Question } from './schema';

/** The whole bank: built-ins (with the user's stars) and the user's own questions. */
export async function listQuestionBank(db: RapportDatabase): Promise<Question[]> {
  return mergeBank(builtinQuestions(), await db.getAll('questions'));
}

export async function addQuestion(
  db: RapportDatabase,
  input: { topic: string; text: string },
  now: number,
): Promise<Question> {
  const question: Question = {
    id: newId(),
    topic: input.topic,
    text: input.text.trim(),
    searchable: false,
    builtin: false,
    starred: false,
    createdAt: now,
  };
  await db.put('questions', question);
  announceChange({ store: 'questions', ids: [question.id] });
  return question;
}

/** Stars or unstars a question; a built-in one gets a stored copy that carries the star. */
export async function setQuestionStarred(db: RapportDatabase, id: string, starred: boolean): Promise<Question> {
  const tx = db.transaction('questions', 'readwrite');
  const stored = await tx.store.get(id);
  const base = stored ?? builtinQuestions().find((q) => q.id === id);
  if (!base) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No question with id ${id}`);
  }
  const question = { ...base, starred };
  await tx.store.put(question);
  await tx.done;
  announceChange({ store: 'questions', ids: [id] });
  return question;
}
