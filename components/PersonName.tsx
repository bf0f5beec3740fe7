/**
 * A person's name as user text: its own direction (`dir="auto"`, so an Arabic or Hebrew name in an English
 * row reads right), clamped by CSS (`.name-clamp`), with the full name on hover (title) and on focus (the
 * clamp lifts inside a focused row, see ui.css).
 */
export function PersonName({
  name,
  class: className = '',
  as: Tag = 'span',
  id,
}: {
  name: string;
  class?: string;
  as?: 'span' | 'h1' | 'strong';
  id?: string;
}) {
  return (
    <Tag id={id} class={`name-clamp ${className}`.trim()} dir="auto" title={name}>
      {name}
    </Tag>
  );
}
