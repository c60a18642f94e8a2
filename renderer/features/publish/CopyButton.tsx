import { useState } from 'react';

/** Copies a value (a contextId for Genesys support) and says so; where the clipboard is refused, says that. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const copy = () => {
    const done = navigator.clipboard?.writeText(value);
    if (!done) return setSaid('Select the text to copy it');
    done.then(
      () => setSaid('Copied'),
      () => setSaid('Select the text to copy it'),
    );
  };
  return (
    <>
      <button type="button" className="pub-small" onClick={copy} aria-label={`Copy ${what} ${value}`}>
        Copy
      </button>
      <span role="status" className="muted pub-said">
        {said}
      </span>
    </>
  );
}
