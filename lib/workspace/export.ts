import type { Contact } from '../contacts/model';
import type { Meeting, Question } from '../db/schema';
import { workspaceStrings } from '../ui/strings/workspace';

const t = workspaceStrings.markdown;

/** Markdown special characters in user text are escaped so notes render as written. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function block(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => mdEscape(line))
    .join('  \n');
}

/** A meeting's notes as Markdown: header facts, goals, each question with its notes, general notes, reflection. */
export function meetingMarkdown(
  meeting: Meeting,
  contact: Pick<Contact, 'name' | 'currentTitle' | 'currentCompany'>,
  questions: ReadonlyMap<string, Pick<Question, 'text'>>,
  opts: { formatDate: (ms: number) => string; medium: string },
): string {
  const name = contact.name ?? '';
  const role = [contact.currentTitle, contact.currentCompany].filter(Boolean).join(', ');
  const out: string[] = [`# ${mdEscape(t.title(name))}`, ''];
  if (role) out.push(`_${mdEscape(role)}_`, '');
  if (meeting.startsAt !== null) out.push(`- **${t.when}:** ${opts.formatDate(meeting.startsAt)}`);
  out.push(`- **${t.length}:** ${meeting.durationMin} min`, `- **${t.how}:** ${mdEscape(opts.medium)}`, '');
  if (meeting.goals.trim()) out.push(`## ${t.goals}`, '', block(meeting.goals.trim()), '');
  if (meeting.questionIds.length) {
    out.push(`## ${t.questions}`, '');
    meeting.questionIds.forEach((id, index) => {
      const text = questions.get(id)?.text ?? id;
      const asked = meeting.askedQuestionIds.includes(id);
      out.push(`${index + 1}. ${asked ? '' : `${t.notAsked} `}**${mdEscape(text)}**`);
      const note = meeting.questionNotes[id]?.trim();
      if (note) out.push('', ...note.split(/\r?\n/).map((line) => `   ${mdEscape(line)}`));
      out.push('');
    });
  }
  if (meeting.notes.trim()) out.push(`## ${t.notes}`, '', block(meeting.notes.trim()), '');
  if (meeting.reflectionLearned.trim()) out.push(`## ${t.learned}`, '', block(meeting.reflectionLearned.trim()), '');
  if (meeting.reflectionNext.trim()) out.push(`## ${t.next}`, '', block(meeting.reflectionNext.trim()), '');
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
