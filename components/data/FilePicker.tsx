/**
 * A labelled file input that hands over the chosen file and resets itself, so choosing the same file
 * again (after fixing it) fires once more.
 */
export function FilePicker({
  label,
  accept,
  disabled,
  onFile,
}: {
  label: string;
  accept: string;
  disabled: boolean;
  onFile: (file: File | undefined) => void;
}) {
  return (
    <p>
      <label>
        {label}{' '}
        <input
          type="file"
          accept={accept}
          disabled={disabled}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            onFile(input.files?.[0]);
            input.value = '';
          }}
        />
      </label>
    </p>
  );
}
