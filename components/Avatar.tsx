import { initials } from '@/lib/ui/format';

/** A saved thumbnail (data: URL) or initials: never a remote image, so the extension makes no request. */
export function Avatar({ name, thumb, size = 40 }: { name: string | null; thumb: string | null; size?: number }) {
  const style = { width: `${size}px`, height: `${size}px` };
  if (thumb?.startsWith('data:image/')) return <img class="avatar" src={thumb} alt="" style={style} />;
  return (
    <span
      class="avatar avatar-initials"
      // Initials of a right-to-left name read right to left.
      dir="auto"
      style={{ ...style, fontSize: `${Math.round(size / 2.6)}px` }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
