import type { ComponentChildren } from 'preact';

/**
 * One suggestion in a list, the same shape wherever Rapport proposes something (the same person? a next
 * step to plan): what it is, as the user's own words or a sentence about them, then what can be done with
 * it (buttons), or what was already done (a short note).
 */
export function SuggestionRow({ text, children }: { text: string; children: ComponentChildren }) {
  return (
    <li class="suggestion-row">
      <p class="suggestion-text" dir="auto">
        {text}
      </p>
      <div class="suggestion-actions">{children}</div>
    </li>
  );
}

/** The list those rows go in. */
export function SuggestionList({ children }: { children: ComponentChildren }) {
  return <ul class="plain-list suggestion-list">{children}</ul>;
}
