import type { Question } from '../db/schema';
import { BUILTIN_TEMPLATES, TOPIC_PHRASES } from '../ui/strings/templates';
import type { QuestionTopic, TemplateKind } from '../ui/strings/workspace';

/**
 * The user's templates: Rapport's variants (which the user may reword) plus variants of their own, per
 * kind, and which one each kind starts on. Kept in Settings (lib/workspace/template-settings.ts); these
 * functions only compute, so the tests are tables.
 */
export interface TemplateVariant {
  id: string;
  name: string;
  text: string;
}

// A type, not an interface: settings values must be plain records.
export type TemplateLibrary = {
  /** Reworded built-ins (same id) and the user's own variants, per kind. */
  own: Partial<Record<TemplateKind, TemplateVariant[]>>;
  /** The variant each kind opens on. */
  chosen: Partial<Record<TemplateKind, string>>;
};

export interface ShownVariant extends TemplateVariant {
  builtin: boolean;
  /** A built-in the user reworded. */
  edited: boolean;
}

export const builtinId = (kind: TemplateKind, index: number) => `builtin:${kind}:${index}`;

export function emptyLibrary(): TemplateLibrary {
  return { own: {}, chosen: {} };
}

/** Every variant of a kind: Rapport's (as the user reworded them) first, then the user's own. */
export function variantsFor(kind: TemplateKind, library: TemplateLibrary): ShownVariant[] {
  const own = library.own[kind] ?? [];
  const byId = new Map(own.map((v) => [v.id, v]));
  const builtins = BUILTIN_TEMPLATES[kind].map((b, i): ShownVariant => {
    const id = builtinId(kind, i);
    const mine = byId.get(id);
    return mine
      ? { ...mine, builtin: true, edited: mine.text !== b.text || mine.name !== b.name }
      : { id, ...b, builtin: true, edited: false };
  });
  const ids = new Set(builtins.map((b) => b.id));
  return [...builtins, ...own.filter((v) => !ids.has(v.id)).map((v) => ({ ...v, builtin: false, edited: false }))];
}

/** The variant a kind opens on: the chosen one while it exists, else the first. */
export function chosenVariant(kind: TemplateKind, library: TemplateLibrary): ShownVariant {
  const all = variantsFor(kind, library);
  return all.find((v) => v.id === library.chosen[kind]) ?? all[0]!;
}

/** Saves a variant's wording (a reworded built-in keeps its id) and makes it the one the kind opens on. */
export function putVariant(library: TemplateLibrary, kind: TemplateKind, variant: TemplateVariant): TemplateLibrary {
  const own = (library.own[kind] ?? []).filter((v) => v.id !== variant.id);
  const clean = { id: variant.id, name: variant.name.trim() || 'Untitled', text: variant.text };
  return { own: { ...library.own, [kind]: [...own, clean] }, chosen: { ...library.chosen, [kind]: variant.id } };
}

/** Removes the user's variant, or brings a reworded built-in back to Rapport's wording. */
export function removeVariant(library: TemplateLibrary, kind: TemplateKind, id: string): TemplateLibrary {
  const own = (library.own[kind] ?? []).filter((v) => v.id !== id);
  const chosen = { ...library.chosen };
  if (chosen[kind] === id && !id.startsWith('builtin:')) delete chosen[kind];
  return { own: { ...library.own, [kind]: own }, chosen };
}

/**
 * What the thank-you says the conversation was about: one phrase per topic of the questions ticked as
 * asked during the call, in the order asked, at most `max`. Empty when none was ticked, or only the
 * user's own questions: then the draft keeps a visible gap to fill in, never pieces of notes.
 */
export function thankYouTopics(askedIds: readonly string[], bank: readonly Question[], max = 3): string[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const phrases: string[] = [];
  for (const id of askedIds) {
    const topic = byId.get(id)?.topic as QuestionTopic | undefined;
    const phrase = topic ? TOPIC_PHRASES[topic] : null;
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
    if (phrases.length >= max) break;
  }
  return phrases;
}
